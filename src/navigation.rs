//! Which page is shown: the [`Page`] list that feeds the navigation, the home tiles, the page
//! area and the fit check; each page's [`Header`] taken from the content; and [`Navigation`],
//! whose [`Navigation::reset`] is "back to the start".

use crate::content::{Content, Icon, Text};

/// A page of the kiosk. [`Page::ALL`] is the navigation order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Page {
    /// The start page with a tile for every section.
    Home,
    /// About the organisation.
    About,
    /// The country office.
    Office,
    /// Facts and figures.
    Facts,
    /// Careers.
    Careers,
    /// Contact.
    Contact,
}

impl Page {
    /// Every page, in navigation order.
    pub const ALL: [Self; 6] = [
        Self::Home,
        Self::About,
        Self::Office,
        Self::Facts,
        Self::Careers,
        Self::Contact,
    ];

    /// The section pages: every page but Home, each with a tile on Home.
    pub const SECTIONS: [Self; 5] = [
        Self::About,
        Self::Office,
        Self::Facts,
        Self::Careers,
        Self::Contact,
    ];

    /// The name used on the command line: `home`, `about`, `office`, `facts`, ...
    pub fn slug(self) -> &'static str {
        match self {
            Self::Home => "home",
            Self::About => "about",
            Self::Office => "office",
            Self::Facts => "facts",
            Self::Careers => "careers",
            Self::Contact => "contact",
        }
    }

    /// The page named `slug`, if any.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|p| p.slug().eq_ignore_ascii_case(slug.trim()))
    }

    fn index(self) -> usize {
        Self::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    /// The page after this one, wrapping round to Home.
    pub fn next(self) -> Self {
        Self::ALL[(self.index() + 1) % Self::ALL.len()]
    }

    /// The page before this one, wrapping round to Contact.
    pub fn previous(self) -> Self {
        Self::ALL[(self.index() + Self::ALL.len() - 1) % Self::ALL.len()]
    }

    /// The page's header in `content`: what the navigation, its home tile and its title
    /// block show.
    pub fn header(self, content: &Content) -> Header<'_> {
        let section = match self {
            Self::Home => {
                let home = &content.home;
                return Header {
                    nav_label: &home.nav_label,
                    icon: Icon::Home,
                    title: &home.title,
                    lead: Some(&home.welcome),
                    summary: None,
                };
            }
            Self::About => &content.about.header,
            Self::Office => &content.office.header,
            Self::Facts => &content.facts.header,
            Self::Careers => &content.careers.header,
            Self::Contact => &content.contact.header,
        };
        Header {
            nav_label: &section.nav_label,
            icon: section.icon,
            title: &section.title,
            lead: section.lead.as_ref(),
            summary: Some(&section.summary),
        }
    }
}

/// What every page has, Home included, borrowed from the content.
#[derive(Debug, Clone, Copy)]
pub struct Header<'a> {
    /// The label of the page's navigation button.
    pub nav_label: &'a Text,
    /// The page's icon in the navigation and on its tile.
    pub icon: Icon,
    /// The page's heading.
    pub title: &'a Text,
    /// The opening paragraph (Home's welcome).
    pub lead: Option<&'a Text>,
    /// The line on the page's home tile; Home has no tile.
    pub summary: Option<&'a Text>,
}

/// The page on screen; a visitor moves between pages, and [`Navigation::reset`] goes back to
/// the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Navigation {
    current: Page,
}

impl Default for Navigation {
    fn default() -> Self {
        Self::new(Page::Home)
    }
}

impl Navigation {
    /// Starts on `page`.
    pub fn new(page: Page) -> Self {
        Self { current: page }
    }

    /// The page shown.
    pub fn current(self) -> Page {
        self.current
    }

    /// Shows `page`; true when that changed the page on screen.
    pub fn go(&mut self, page: Page) -> bool {
        let changed = page != self.current;
        self.current = page;
        changed
    }

    /// Back to the start: Home.
    pub fn reset(&mut self) {
        self.current = Page::Home;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip() {
        for page in Page::ALL {
            assert_eq!(Page::from_slug(page.slug()), Some(page));
        }
        assert_eq!(Page::from_slug(" Facts "), Some(Page::Facts));
        assert_eq!(Page::from_slug("nowhere"), None);
    }

    #[test]
    fn next_and_previous_wrap() {
        assert_eq!(Page::Contact.next(), Page::Home);
        assert_eq!(Page::Home.previous(), Page::Contact);
        assert_eq!(Page::About.next(), Page::Office);
    }

    #[test]
    fn go_says_whether_the_page_changed_and_reset_goes_home() {
        let mut nav = Navigation::default();
        assert!(nav.go(Page::Facts));
        assert!(!nav.go(Page::Facts));
        assert_eq!(nav.current(), Page::Facts);
        nav.reset();
        assert_eq!(nav.current(), Page::Home);
    }

    #[test]
    fn every_page_has_a_header_and_only_sections_have_a_tile_line() {
        let content = crate::content::embedded().expect("valid embedded content");
        let lang = content.default_language;
        for page in Page::ALL {
            let header = page.header(&content);
            assert!(!header.nav_label.get(lang).is_empty(), "{page:?}");
            assert!(!header.title.get(lang).is_empty(), "{page:?}");
            assert_eq!(header.summary.is_some(), Page::SECTIONS.contains(&page));
        }
        assert_eq!(
            Page::Home.header(&content).title.get(lang),
            content.home.title.get(lang)
        );
        assert_eq!(
            Page::Careers.header(&content).nav_label.get(lang),
            content.careers.header.nav_label.get(lang)
        );
    }
}
