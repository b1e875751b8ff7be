//! What the command-line tests share: the binary, its messages in English.

use assert_cmd::Command;

/// `servstd`, built for the tests, with `LC_ALL=C`: messages follow the
/// locale, and the tests read the English ones.
pub fn servstd() -> Command {
    let mut cmd = Command::cargo_bin("servstd").expect("the binary is built");
    cmd.env("LC_ALL", "C");
    cmd
}
