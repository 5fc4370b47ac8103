//! Why a story profile cannot be used ([`ProfileError`]).

use std::fmt;

/// What kind of problem a story profile has.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProfileErrorKind {
    /// The file could not be read.
    Io {
        /// The system's sentence.
        message: String,
    },
    /// The text is not a profile: not TOML, or a table or field of the wrong shape (a missing
    /// `id`, a `valence` that is neither `for` nor `against`).
    Toml {
        /// The 1-based line the problem is on, when the parser gives one.
        line: Option<usize>,
        /// The parser's sentence.
        message: String,
    },
}

/// A story profile that cannot be used. Its [`Display`](fmt::Display) is a sentence with the
/// line when there is one (`line 3: unknown variant …`), to put after the file's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileError {
    kind: ProfileErrorKind,
}

impl ProfileError {
    /// An error of this kind.
    pub fn new(kind: ProfileErrorKind) -> ProfileError {
        ProfileError { kind }
    }

    /// The kind of problem.
    pub fn kind(&self) -> &ProfileErrorKind {
        &self.kind
    }

    /// The line concerned, when the problem has one.
    pub fn line(&self) -> Option<usize> {
        match &self.kind {
            ProfileErrorKind::Toml { line, .. } => *line,
            ProfileErrorKind::Io { .. } => None,
        }
    }
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ProfileErrorKind::Io { message } => f.write_str(message),
            ProfileErrorKind::Toml {
                line: Some(line),
                message,
            } => write!(f, "line {line}: {message}"),
            ProfileErrorKind::Toml {
                line: None,
                message,
            } => f.write_str(message),
        }
    }
}

impl std::error::Error for ProfileError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_errors_read_as_sentences() {
        #[rustfmt::skip]
        let cases = [
            ("unreadable file", ProfileErrorKind::Io { message: "No such file or directory (os error 2)".into() }, None, "No such file or directory (os error 2)"),
            ("bad toml with a line", ProfileErrorKind::Toml { line: Some(3), message: "unknown variant `sideways`, expected `for` or `against`".into() }, Some(3), "line 3: unknown variant `sideways`, expected `for` or `against`"),
            ("bad toml without a line", ProfileErrorKind::Toml { line: None, message: "missing field `id`".into() }, None, "missing field `id`"),
        ];
        for (name, kind, line, want) in cases {
            let e = ProfileError::new(kind.clone());
            assert_eq!(e.to_string(), want, "{name}");
            assert_eq!(e.line(), line, "{name}");
            assert_eq!(e.kind(), &kind, "{name}");
        }
    }

    /// What `Profile::from_toml` and `Profile::read` report, by kind and line.
    #[cfg(feature = "fs")]
    #[test]
    fn bad_profiles_say_what_and_where() {
        use crate::stance::Profile;
        let target = "[[target]]\nid = \"dialogue\"\nlabel = \"Dialogue\"\ncues = [\"dialogue\"]\n";
        #[rustfmt::skip]
        let cases = [
            ("not toml", "[[target]\n".to_string(), Some(1), "line 1: "),
            ("a valence that is no valence", format!("{target}valence = \"sideways\"\n"), Some(5), "line 5: "),
            ("a missing field", "\n[[actor]]\nid = \"x\"\n".to_string(), Some(2), "line 2: "),
        ];
        for (name, src, line, starts) in cases {
            let e = Profile::from_toml(&src).expect_err(name);
            assert!(
                matches!(e.kind(), ProfileErrorKind::Toml { .. }),
                "{name}: {e:?}"
            );
            assert_eq!(e.line(), line, "{name}: {e}");
            assert!(e.to_string().starts_with(starts), "{name}: {e}");
        }
        let e = Profile::read(std::path::Path::new("/no/such/story.toml")).expect_err("missing");
        assert!(matches!(e.kind(), ProfileErrorKind::Io { .. }), "{e:?}");
        assert!(Profile::from_toml(&format!("{target}valence = \"for\"\n")).is_ok());
    }
}
