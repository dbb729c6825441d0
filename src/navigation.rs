//! Which page is shown: the [`Page`] list that feeds both the navigation and the page area,
//! and [`Navigation`], whose [`Navigation::reset`] is "back to the start".

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
}

/// Every section page (all but Home) with its header from `content`, in navigation order.
pub fn section_headers(
    content: &crate::content::Content,
) -> [(Page, &crate::content::PageHeader); 5] {
    [
        (Page::About, &content.about.header),
        (Page::Office, &content.office.header),
        (Page::Facts, &content.facts.header),
        (Page::Careers, &content.careers.header),
        (Page::Contact, &content.contact.header),
    ]
}

/// The current page and how the visitor got there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Navigation {
    current: Page,
    history: Vec<Page>,
    /// Bumped on every page change, so views can restart animations and scroll to the top.
    visit: u64,
}

impl Default for Navigation {
    fn default() -> Self {
        Self::new(Page::Home)
    }
}

impl Navigation {
    /// The longest back history kept.
    const MAX_HISTORY: usize = 32;

    /// Starts on `page`.
    pub fn new(page: Page) -> Self {
        Self {
            current: page,
            history: Vec::new(),
            visit: 0,
        }
    }

    /// The page shown.
    pub fn current(&self) -> Page {
        self.current
    }

    /// Counts page changes; a new value means a fresh visit to [`Self::current`].
    pub fn visit(&self) -> u64 {
        self.visit
    }

    /// Shows `page`; going to the page already shown does nothing.
    pub fn go(&mut self, page: Page) {
        if page == self.current {
            return;
        }
        if self.history.len() == Self::MAX_HISTORY {
            self.history.remove(0);
        }
        self.history.push(self.current);
        self.current = page;
        self.visit += 1;
    }

    /// Returns to the previous page; false when there is none.
    pub fn back(&mut self) -> bool {
        let Some(page) = self.history.pop() else {
            return false;
        };
        self.current = page;
        self.visit += 1;
        true
    }

    /// Back to the start: Home, with no history.
    pub fn reset(&mut self) {
        self.history.clear();
        self.current = Page::Home;
        self.visit += 1;
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
    fn go_back_and_reset() {
        let mut nav = Navigation::default();
        nav.go(Page::Facts);
        nav.go(Page::Facts);
        nav.go(Page::Contact);
        assert_eq!(nav.visit(), 2);
        assert!(nav.back());
        assert_eq!(nav.current(), Page::Facts);
        nav.reset();
        assert_eq!(nav.current(), Page::Home);
        assert!(!nav.back());
    }

    #[test]
    fn history_is_bounded() {
        let mut nav = Navigation::default();
        for _ in 0..1000 {
            nav.go(Page::Facts);
            nav.go(Page::Home);
        }
        assert!(nav.history.len() <= Navigation::MAX_HISTORY);
    }
}
