//! Asking the customers, one of the method's four ways of monitoring: a
//! survey plan beside the set (`plan`), the questionnaire drawn from its key
//! factors (`questionnaire`), the responses read back (`responses`), the
//! figures they give (`stats`) and their place in the weak-link quadrant
//! (`method`). The older file of one score per factor is still read:
//! `scores` (kept in `core::inspection::survey`, where records find it).

pub mod digest;
pub mod form;
pub mod messages;
pub mod method;
pub mod plan;
pub mod questionnaire;
pub mod responses;
pub mod stats;

pub use crate::core::inspection::survey as scores;
pub use digest::{Digest, GroupDigest, digest};
pub use messages::issue_line;
pub use method::{Difference, Disagreement, Placed, place};
pub use plan::{Group, Purpose, SurveyPlan};
pub use questionnaire::Questionnaire;
pub use responses::{Issue, Problem, Response, Responses, ResponsesError};
pub use stats::{Figures, Histogram, Nps, Summary, figures};
