//! Maps the raw file's enums onto the model's own.

use super::super::model::{ContactKind, Icon, Orientation};
use super::super::raw::{RawContactKind, RawIcon, RawOrientation};

pub(super) fn icon(raw: RawIcon) -> Icon {
    match raw {
        RawIcon::Home => Icon::Home,
        RawIcon::Globe => Icon::Globe,
        RawIcon::Place => Icon::Place,
        RawIcon::Chart => Icon::Chart,
        RawIcon::Work => Icon::Work,
        RawIcon::Phone => Icon::Phone,
        RawIcon::Email => Icon::Email,
        RawIcon::Web => Icon::Web,
        RawIcon::Passport => Icon::Passport,
        RawIcon::Shield => Icon::Shield,
        RawIcon::Building => Icon::Building,
        RawIcon::People => Icon::People,
        RawIcon::Handshake => Icon::Handshake,
        RawIcon::Calendar => Icon::Calendar,
        RawIcon::Star => Icon::Star,
        RawIcon::Balance => Icon::Balance,
        RawIcon::Heart => Icon::Heart,
        RawIcon::School => Icon::School,
        RawIcon::Chat => Icon::Chat,
        RawIcon::Idea => Icon::Idea,
    }
}

pub(super) fn orientation(raw: RawOrientation) -> Orientation {
    match raw {
        RawOrientation::Vertical => Orientation::Vertical,
        RawOrientation::Horizontal => Orientation::Horizontal,
    }
}

pub(super) fn contact_kind(raw: RawContactKind) -> ContactKind {
    match raw {
        RawContactKind::Address => ContactKind::Address,
        RawContactKind::Phone => ContactKind::Phone,
        RawContactKind::Email => ContactKind::Email,
        RawContactKind::Web => ContactKind::Web,
        RawContactKind::Social => ContactKind::Social,
    }
}
