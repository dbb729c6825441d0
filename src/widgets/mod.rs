//! Reusable widgets, each unaware of which page uses it: every touch target paints its
//! pressed and focused look through [`touch`], and widgets export the measurements the fit
//! check needs.

pub mod bar_chart;
pub mod cards;
pub mod chart_card;
pub mod choice_button;
pub mod icon;
pub mod language_switch;
pub mod nav;
pub mod overlay;
pub mod picture;
pub mod qr;
pub mod settings_panel;
pub mod text;
pub mod tile;
pub mod touch;
pub mod viewport;
