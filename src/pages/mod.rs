//! One file per page. Each page draws from the [`Content`] in one language and returns the
//! page the visitor asked to go to, if any; it never changes app state itself.

pub mod about;
mod article;
pub mod attract;
pub mod careers;
pub mod contact;
pub mod facts;
pub mod home;
pub mod office;
pub mod slides;

use crate::content::{Content, LangId, Text};
use crate::theme::Theme;
use crate::widgets::picture::ContentImages;

/// What every page draws with.
pub struct PageCtx<'a> {
    /// The content shown.
    pub content: &'a Content,
    /// The language shown.
    pub lang: LangId,
    /// Colours and type.
    pub theme: &'a Theme,
    /// Whether the screen is taller than wide.
    pub portrait: bool,
    /// How far the page's opening animation has run, 0 to 1.
    pub progress: f32,
    /// The loader of the content's images.
    pub images: &'a ContentImages,
}

impl PageCtx<'_> {
    /// `text` in the language shown.
    pub fn t<'t>(&self, text: &'t Text) -> &'t str {
        text.get(self.lang)
    }

    /// How many cards fit in a row: `landscape` of them, or `portrait` on a tall screen.
    pub fn columns(&self, landscape: usize, portrait: usize) -> usize {
        if self.portrait { portrait } else { landscape }
    }
}
