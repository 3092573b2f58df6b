//! Sổ Khuyến học: the desk of a provincial study-promotion coordinator.

pub mod model;
