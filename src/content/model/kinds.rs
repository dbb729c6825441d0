//! The choices a content file makes by name: icons, kinds of contact detail, and which way a
//! chart's bars run. Each needs no checking, so the file's names are read straight into these
//! (named for serde as the file names them); nothing here knows egui.

/// The icons a page, card or tile can show. The app draws each from its bundled icon font.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
pub enum Icon {
    /// A house.
    Home,
    /// A globe.
    Globe,
    /// A map pin.
    Place,
    /// A bar chart.
    Chart,
    /// A briefcase.
    Work,
    /// A telephone handset.
    Phone,
    /// An envelope.
    Email,
    /// A link / web page.
    Web,
    /// A passport or identity document.
    Passport,
    /// A shield.
    Shield,
    /// A government building.
    Building,
    /// A group of people.
    People,
    /// A handshake.
    Handshake,
    /// A calendar.
    Calendar,
    /// A star.
    Star,
    /// A balance scale.
    Balance,
    /// A heart.
    Heart,
    /// A graduation cap.
    School,
    /// A speech bubble.
    Chat,
    /// A lightbulb.
    Idea,
    /// Three dots joined: sharing, a social media page.
    Share,
}

/// Which way a chart's bars run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
pub enum Orientation {
    /// Bars rise from the bottom: for years.
    Vertical,
    /// Bars run from the left: for categories with long names.
    Horizontal,
}

/// Kinds of contact detail, each with its own icon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
pub enum ContactKind {
    /// A postal or street address.
    Address,
    /// A telephone number.
    Phone,
    /// An email address.
    Email,
    /// A web address.
    Web,
    /// A social media page.
    Social,
}
