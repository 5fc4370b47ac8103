//! [`Sym`]: a tag's actor, target, surface or rule. A corpus has tens of thousands of tags naming
//! the same few thousand strings, so a decoded corpus shares one copy of each
//! ([`super::packed`] hands out clones of its table's entries) instead of holding a `String` per
//! tag: over the benchmark's 10,000 articles that is several megabytes of the page's memory.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// A shared, immutable string: reads as a `&str`, compares and orders as one.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Sym(Arc<str>);

impl Sym {
    /// The string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Sym {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Sym {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Sym {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl From<&str> for Sym {
    fn from(s: &str) -> Sym {
        Sym(s.into())
    }
}

impl From<String> for Sym {
    fn from(s: String) -> Sym {
        Sym(s.into())
    }
}

impl From<Sym> for String {
    fn from(s: Sym) -> String {
        s.0.to_string()
    }
}

impl PartialEq<str> for Sym {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Sym {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Sym {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Sym> for str {
    fn eq(&self, other: &Sym) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Sym> for &str {
    fn eq(&self, other: &Sym) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<Sym> for String {
    fn eq(&self, other: &Sym) -> bool {
        **self == *other.0
    }
}

impl Serialize for Sym {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Sym {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Sym, D::Error> {
        String::deserialize(d).map(Sym::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_compares_and_shares_like_its_string() {
        let a = Sym::from("ministry");
        let b = a.clone();
        assert!(Arc::ptr_eq(&a.0, &b.0), "a clone shares the bytes");
        let cases: &[(&str, bool)] = &[("ministry", true), ("Ministry", false), ("", false)];
        for &(s, same) in cases {
            assert_eq!(a == s, same, "{s:?}");
            assert_eq!(s == a, same, "{s:?}");
            let owned = String::from(s);
            assert_eq!(a == owned, same, "{s:?}");
            assert_eq!(owned == a, same, "{s:?}");
        }
        assert_eq!(a.len(), 8);
        assert_eq!(format!("{a} {a:?}"), "ministry \"ministry\"");
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, "\"ministry\"");
        assert_eq!(serde_json::from_str::<Sym>(&json).unwrap(), a);
        let mut set = std::collections::BTreeSet::new();
        set.insert(Sym::from("b"));
        set.insert(Sym::from("a"));
        assert!(set.contains("a"));
        assert_eq!(set.iter().map(Sym::as_str).collect::<Vec<_>>(), ["a", "b"]);
    }
}
