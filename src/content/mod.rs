//! Everything the kiosk shows, loaded from one RON file and its images.
//!
//! Loading goes in two stages, as in ripgrep's flags: [`raw`] mirrors the file for serde,
//! and `validate` turns it into the [`model`] that pages draw from, collecting every
//! problem with its line and column. Every file is read with care (`file`: regular files
//! only, within the [`limits`]). This module knows nothing of egui.

mod builtin;
mod decode;
mod error;
mod file;
mod io_words;
pub mod limits;
mod load;
mod locate;
pub mod model;
mod problem;
pub mod raw;
mod source;
mod starter;
mod syntax;
mod validate;
pub mod watch;

pub use decode::check_image;
pub use error::ProblemKind;
pub use file::{
    FileError, Links, aside_name, describe, folder_of, is_temporary_of, look, read_file, read_own,
    read_regular, remove_leftovers, replace_whole,
};
pub use limits::{LARGE_IMAGE_SIDE, LIKELY_YEARS, MAX_DECIMALS};
pub use load::{Loaded, embedded, load, load_with, parse, parse_with_warnings};
pub use locate::{Locations, Position};
pub use model::*;
pub use problem::{LoadError, Problem, Severity};
pub use source::{CheckedImage, EMBEDDED_FILES, EMBEDDED_NAME, EMBEDDED_RON, Source, decode};
pub use starter::{AUTHORING_GUIDE, write_starter};
