//! Generated standards sets of any size, for benchmarks and stress tests.
//! The texts are realistic (mixed Chinese and English, measurable and vague)
//! so that the checker does real work. `chain` makes a whole chain of sites
//! with a year of visits.

pub mod chain;

pub use chain::{ChainSpec, GeneratedChain, generated_chain};

use crate::core::model::{
    ContactPoint, Dimension, Factor, Language, Monitoring, Standard, StandardKind, StandardsSet,
    Step, Target,
};

const TEXTS: [&str; 8] = [
    "顾客进门10秒内目光接触并说“欢迎光临”",
    "电话铃响三声内接听，先报门店名称",
    "The agent hangs up only after the customer does",
    "投诉在2小时内确认收到，48小时内结案并回访",
    "热情接待每一位顾客",
    "Tables are wiped and checked every 30 minutes",
    "找零和收据双手递交，不放在商品上面",
    "Keep the shelves neat",
];

/// A set with about `standards` standards: 10 per factor, 2 factors per step,
/// 5 steps per contact point.
#[must_use]
pub fn generated_set(standards: usize) -> StandardsSet {
    generated_set_shaped(standards, (10, 2, 5))
}

/// A set of `standards` standards shaped as `(per_factor, per_step,
/// per_contact_point)`: standards per factor, factors per step, steps per
/// contact point.
#[must_use]
pub fn generated_set_shaped(standards: usize, shape: (usize, usize, usize)) -> StandardsSet {
    let mut set = StandardsSet::new(
        format!("Generated set of {standards} standards"),
        Language::ZhCn,
    );
    set.revision = "1.0".into();
    set.next_review = Some(jiff::civil::date(2030, 1, 1));
    let (per_factor, per_step, per_cp) = shape;
    let mut made = 0;
    let (mut cp_n, mut st_n, mut kf_n) = (0, 0, 0);
    while made < standards {
        cp_n += 1;
        let mut cp = ContactPoint::new(format!("CP-{cp_n}"), format!("接触点 {cp_n}"));
        cp.description = "A contact point generated for benchmarks".into();
        for _ in 0..per_cp {
            st_n += 1;
            let mut step = Step::new(format!("ST-{st_n}"), format!("步骤 {st_n}"));
            for _ in 0..per_step {
                kf_n += 1;
                let mut factor = Factor::new(format!("KF-{kf_n}"), format!("关键要素 {kf_n}"));
                factor.why = "“等太久我就走了。”".into();
                factor.importance = u8::try_from(kf_n % 5 + 1).unwrap_or(3);
                for _ in 0..per_factor {
                    if made == standards {
                        break;
                    }
                    made += 1;
                    let kind = StandardKind::ALL[made % 3];
                    let mut s = Standard::new(format!("S-{made}"), TEXTS[made % TEXTS.len()], kind);
                    s.monitoring = vec![Monitoring::ALL[made % 4]];
                    s.owner_role = "服务员".into();
                    s.critical = made % 17 == 0;
                    s.dimensions = vec![Dimension::ALL[made % 14]];
                    if made % 3 == 0 {
                        s.target = Some(Target {
                            value: 10.0,
                            unit: "秒".into(),
                        });
                    }
                    factor.standards.push(s);
                }
                if !factor.standards.is_empty() {
                    step.factors.push(factor);
                }
            }
            if !step.factors.is_empty() {
                cp.steps.push(step);
            }
        }
        set.contact_points.push(cp);
    }
    set
}

#[cfg(test)]
mod tests {
    #[test]
    fn makes_the_asked_number_of_standards() {
        for n in [1, 10, 123, 2000] {
            assert_eq!(super::generated_set(n).counts().standards, n);
        }
    }
}
