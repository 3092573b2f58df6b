//! Shared text: one copy of a string that many records hold (a donor's name on each of their
//! receipts, a campaign, a purpose, a recurring description). A book of 100,000 vouchers
//! holds a few thousand distinct such texts; each voucher points at its copy.
//!
//! Reading a book shares equal texts among the records a thread reads while sharing is on
//! (`sharing`): the stream reader's parsing threads and the whole-text parse. Text made in the
//! window (a new voucher) is its own copy; it reads the same either way.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

/// The empty text holds nothing (no allocation, no count to keep). One pointer wide (the text
/// boxed inside its count): a province's records hold 2.5 million of them.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Shared(Option<Arc<Box<str>>>);

thread_local! {
    static POOL: RefCell<Option<HashSet<Shared>>> = const { RefCell::new(None) };
}

/// Runs `f` with equal texts read on this thread shared; the pool is let go afterwards.
pub fn sharing<R>(f: impl FnOnce() -> R) -> R {
    let outer = POOL.with(|p| p.borrow_mut().replace(HashSet::new()));
    let out = f();
    POOL.with(|p| *p.borrow_mut() = outer);
    out
}

impl Shared {
    pub fn as_str(&self) -> &str {
        self.0.as_deref().map_or("", |s| s)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// The pool's copy of `s` when sharing is on, else a copy of its own.
    fn pooled(s: &str) -> Self {
        if s.is_empty() {
            return Shared(None);
        }
        POOL.with(|p| match p.borrow_mut().as_mut() {
            Some(pool) => match pool.get(s) {
                Some(one) => one.clone(),
                None => {
                    let one = Shared::from(s);
                    pool.insert(one.clone());
                    one
                }
            },
            None => Shared::from(s),
        })
    }
}

/// Hashed as its text, so that a set of them can be asked with a `&str`.
impl Hash for Shared {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.as_str().hash(h);
    }
}

impl Deref for Shared {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Shared {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Shared {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl From<&str> for Shared {
    fn from(s: &str) -> Self {
        Shared((!s.is_empty()).then(|| Arc::new(Box::from(s))))
    }
}

impl From<String> for Shared {
    fn from(s: String) -> Self {
        Shared((!s.is_empty()).then(|| Arc::new(s.into_boxed_str())))
    }
}

impl From<&String> for Shared {
    fn from(s: &String) -> Self {
        Shared::from(s.as_str())
    }
}

impl From<Shared> for String {
    fn from(s: Shared) -> Self {
        s.as_str().to_owned()
    }
}

impl PartialEq<str> for Shared {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Shared {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Shared {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Shared> for String {
    fn eq(&self, other: &Shared) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Shared> for &str {
    fn eq(&self, other: &Shared) -> bool {
        *self == other.as_str()
    }
}

impl Serialize for Shared {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Shared {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl serde::de::Visitor<'_> for Visit {
            type Value = Shared;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a text")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Shared, E> {
                Ok(Shared::pooled(s))
            }
        }
        d.deserialize_str(Visit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &Shared, b: &Shared) -> bool {
        matches!((&a.0, &b.0), (Some(a), Some(b)) if Arc::ptr_eq(a, b))
    }

    fn read(text: &str) -> Vec<Shared> {
        ron::from_str(text).expect("a list of texts")
    }

    #[test]
    fn a_shared_text_is_one_pointer_wide() {
        assert_eq!(std::mem::size_of::<Shared>(), std::mem::size_of::<usize>());
    }

    #[test]
    fn equal_texts_read_while_sharing_are_one_copy() {
        let list = sharing(|| read(r#"["Quỹ chung", "Quỹ chung", "Học bổng"]"#));
        assert!(same(&list[0], &list[1]));
        assert!(!same(&list[0], &list[2]));
        assert_eq!(list, ["Quỹ chung", "Quỹ chung", "Học bổng"].map(Shared::from));
    }

    #[test]
    fn outside_sharing_each_text_is_its_own_and_the_pool_is_let_go() {
        let list = read(r#"["Quỹ chung", "Quỹ chung"]"#);
        assert!(!same(&list[0], &list[1]));
        sharing(|| read(r#"["a"]"#));
        assert!(POOL.with(|p| p.borrow().is_none()));
    }

    #[test]
    fn it_writes_and_reads_as_a_plain_string() {
        let s = Shared::from("Trường \"A\"\n");
        let text = ron::to_string(&s).expect("written");
        assert_eq!(text, ron::to_string("Trường \"A\"\n").expect("written"));
        assert_eq!(ron::from_str::<Shared>(&text).expect("read"), s);
        assert_eq!(ron::from_str::<String>(&text).expect("read"), "Trường \"A\"\n");
    }

    #[test]
    fn it_compares_and_orders_as_its_text() {
        let (an, binh) = (Shared::from("An"), Shared::from("Bình"));
        assert!(an < binh);
        assert_eq!(Shared::default(), "");
        assert_eq!(Shared::from(String::new()), Shared::default());
        assert_eq!(sharing(|| read(r#"[""]"#)), [Shared::default()]);
        let set: HashSet<Shared> = ["Quỹ chung", ""].map(Shared::from).into();
        assert!(set.contains("Quỹ chung") && set.contains(""));
    }
}
