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
use std::ops::Deref;
use std::sync::{Arc, OnceLock};

#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Shared(Arc<str>);

thread_local! {
    static POOL: RefCell<Option<HashSet<Arc<str>>>> = const { RefCell::new(None) };
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
        &self.0
    }

    /// The pool's copy of `s` when sharing is on, else a copy of its own.
    fn pooled(s: &str) -> Self {
        POOL.with(|p| match p.borrow_mut().as_mut() {
            Some(pool) => match pool.get(s) {
                Some(one) => Shared(one.clone()),
                None => {
                    let one: Arc<str> = Arc::from(s);
                    pool.insert(one.clone());
                    Shared(one)
                }
            },
            None => Shared::from(s),
        })
    }
}

impl Default for Shared {
    fn default() -> Self {
        static EMPTY: OnceLock<Arc<str>> = OnceLock::new();
        Shared(EMPTY.get_or_init(|| Arc::from("")).clone())
    }
}

impl Deref for Shared {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Shared {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Shared {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl From<&str> for Shared {
    fn from(s: &str) -> Self {
        if s.is_empty() { Shared::default() } else { Shared(Arc::from(s)) }
    }
}

impl From<String> for Shared {
    fn from(s: String) -> Self {
        if s.is_empty() { Shared::default() } else { Shared(Arc::from(s)) }
    }
}

impl From<&String> for Shared {
    fn from(s: &String) -> Self {
        Shared::from(s.as_str())
    }
}

impl From<Shared> for String {
    fn from(s: Shared) -> Self {
        s.0.to_string()
    }
}

impl PartialEq<str> for Shared {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Shared {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Shared {
    fn eq(&self, other: &String) -> bool {
        &*self.0 == other.as_str()
    }
}

impl PartialEq<Shared> for String {
    fn eq(&self, other: &Shared) -> bool {
        self.as_str() == &*other.0
    }
}

impl PartialEq<Shared> for &str {
    fn eq(&self, other: &Shared) -> bool {
        *self == &*other.0
    }
}

impl Serialize for Shared {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
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

    fn read(text: &str) -> Vec<Shared> {
        ron::from_str(text).expect("a list of texts")
    }

    #[test]
    fn equal_texts_read_while_sharing_are_one_copy() {
        let list = sharing(|| read(r#"["Quỹ chung", "Quỹ chung", "Học bổng"]"#));
        assert!(Arc::ptr_eq(&list[0].0, &list[1].0));
        assert!(!Arc::ptr_eq(&list[0].0, &list[2].0));
        assert_eq!(list, ["Quỹ chung", "Quỹ chung", "Học bổng"].map(Shared::from));
    }

    #[test]
    fn outside_sharing_each_text_is_its_own_and_the_pool_is_let_go() {
        let list = read(r#"["Quỹ chung", "Quỹ chung"]"#);
        assert!(!Arc::ptr_eq(&list[0].0, &list[1].0));
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
        assert!(Shared::from(String::new()).is_empty());
    }
}
