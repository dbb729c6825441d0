//! The usage figures: counted through the real app as visitors use it, kept whole in their
//! file when the process writing it is killed at any moment, and printed by `stats`.

#[path = "../common/mod.rs"]
mod common;

mod app;
mod cli;
mod kill;
