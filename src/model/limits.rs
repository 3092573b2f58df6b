//! One bound on every text the book stores, whatever its field: an action whose changes
//! hold a text longer than `TEXT_MAX` characters is refused. Forms and imports check their
//! own fields more tightly (names and titles `NAME_MAX`) and say which field; this is the
//! floor under all of them, so no path (a paste, an import, a future form) can store a
//! megabyte in a name.

use crate::model::change::Change;
use crate::model::error::ActionError;
use crate::model::text::TEXT_MAX;
use serde::Serialize;
use serde::ser;
use std::fmt;

/// Refuses changes that would store a text over the bound.
pub fn check(changes: &[Change]) -> Result<(), ActionError> {
    let mut walk = Walk { max: TEXT_MAX };
    for c in changes {
        if c.after_serialize(&mut walk).is_err() {
            return Err(ActionError::TooLong { field: None, max: TEXT_MAX });
        }
    }
    Ok(())
}

/// Does any text inside `value` exceed `max` characters?
pub fn too_long<T: Serialize + ?Sized>(value: &T, max: usize) -> bool {
    value.serialize(&mut Walk { max }).is_err()
}

/// A serializer that writes nothing: it visits every string and stops at the first that is
/// too long.
pub struct Walk {
    max: usize,
}

#[derive(Debug)]
pub struct Long;

impl fmt::Display for Long {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("text too long")
    }
}

impl std::error::Error for Long {}

impl ser::Error for Long {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Long
    }
}

type R = Result<(), Long>;

macro_rules! plain {
    ($($name:ident: $t:ty),*) => { $(fn $name(self, _: $t) -> R { Ok(()) })* };
}

impl ser::Serializer for &mut Walk {
    type Ok = ();
    type Error = Long;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    plain!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_f32: f32,
        serialize_f64: f64, serialize_char: char, serialize_bytes: &[u8]);

    fn serialize_str(self, v: &str) -> R {
        if v.len() > self.max && v.chars().count() > self.max { Err(Long) } else { Ok(()) }
    }
    fn serialize_none(self) -> R {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_unit(self) -> R {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> R {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _: &'static str, _: u32, _: &'static str, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Long> {
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Long> {
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Long> {
        Ok(self)
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self, Long> {
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Long> {
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Long> {
        Ok(self)
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self, Long> {
        Ok(self)
    }
}

macro_rules! compound {
    ($($tr:ident :: $m:ident),*) => {$(
        impl ser::$tr for &mut Walk {
            type Ok = ();
            type Error = Long;
            fn $m<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
                v.serialize(&mut **self)
            }
            fn end(self) -> R {
                Ok(())
            }
        }
    )*};
}

compound!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for &mut Walk {
    type Ok = ();
    type Error = Long;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> R {
        k.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
        v.serialize(&mut **self)
    }
    fn end(self) -> R {
        Ok(())
    }
}

macro_rules! fields {
    ($($tr:ident),*) => {$(
        impl ser::$tr for &mut Walk {
            type Ok = ();
            type Error = Long;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, _: &'static str, v: &T) -> R {
                v.serialize(&mut **self)
            }
            fn end(self) -> R {
                Ok(())
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::book::Book;
    use crate::model::fund::donors::Donor;

    #[test]
    fn finds_a_long_text_anywhere_inside() {
        let mut b = Book::default();
        assert!(!too_long(&b, TEXT_MAX), "the built-in criteria texts fit");
        b.donors.push(Donor { name: "Lê Hoa".into(), ..Default::default() });
        assert!(!too_long(&b.donors, 100));
        b.donors[0].note = "x".repeat(101);
        assert!(too_long(&b.donors, 100));
        assert!(!too_long(&b.donors, 101));
        // Characters, not bytes: 101 Vietnamese letters of three bytes each fit in 101.
        b.donors[0].note = "ệ".repeat(101);
        assert!(!too_long(&b.donors, 101));
    }
}
