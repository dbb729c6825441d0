//! The reception kiosk's session, in four parts: the visitor side (`visitors`: idle
//! warning, reset, attract loop, the visit, the waking touch held off), the staff door
//! (`door`: the held corner and the PIN pad), the admin screen
//! (`app::admin_screen`) and the screen's time (`screen_time`: screen hours, the
//! hidden cursor). Each frame they observe the input and the time and ask for changes as
//! `Command`s; `KioskSession::apply` makes the changes that are theirs.

mod door;
pub(super) mod screen_time;
mod visitors;

use eframe::egui;

use super::admin_screen::AdminScreen;
use super::options::KioskOptions;
use crate::clock::WallClock;
use crate::command::{AdminCommand, Command};
use crate::kiosk::idle::IdleState;
use crate::maintenance::screen::{ContentFacts, Work};
use crate::pages::PageCtx;
use crate::widgets::overlay;
use door::StaffDoor;
use screen_time::ScreenTime;
use visitors::Visitors;

/// An unattended kiosk's session.
pub(crate) struct KioskSession {
    visitors: Visitors,
    door: StaffDoor,
    admin: AdminScreen,
    screen: ScreenTime,
}

impl KioskSession {
    /// A session starting at `now`, with the hours saved by staff if any, else those of
    /// `options`.
    pub fn new(options: KioskOptions, now: f64, clock: WallClock) -> Self {
        let saved = options
            .state_dir
            .as_deref()
            .and_then(crate::maintenance::saved::load_hours);
        let hours = saved.unwrap_or(options.screen_hours);
        let admin = AdminScreen::new(options.state_dir, options.usb_roots, options.restart);
        Self {
            visitors: Visitors::new(options.idle, now),
            door: StaffDoor::new(options.admin_pin),
            screen: ScreenTime::new(hours, options.idle.timeout_secs, clock, options.show_cursor),
            admin,
        }
    }

    /// The idle state at `now`.
    pub fn idle_state(&self, now: f64) -> IdleState {
        self.visitors.idle_state(now)
    }

    /// Whether the PIN pad is open.
    pub fn is_pad_open(&self) -> bool {
        self.door.is_open()
    }

    /// Whether the admin screen is open.
    pub fn is_admin_open(&self) -> bool {
        self.admin.state().is_some()
    }

    /// Whether the screen is black this frame (outside the screen hours, not woken, no
    /// staff at work).
    pub fn is_dark(&self) -> bool {
        !self.is_admin_open() && self.screen.is_dark()
    }

    /// Whether what the session draws this frame hides the whole page (black screen, attract
    /// loop, admin screen), so the page need not be drawn under it.
    pub fn covers_the_page(&self, now: f64) -> bool {
        self.is_dark()
            || self.is_admin_open()
            || matches!(self.idle_state(now), IdleState::Attract { .. })
    }

    /// The admin screen.
    pub fn admin(&self) -> &AdminScreen {
        &self.admin
    }

    /// The admin screen and the screen's time, to change (the admin screen's commands).
    pub(super) fn admin_and_screen(&mut self) -> (&mut AdminScreen, &mut ScreenTime) {
        (&mut self.admin, &mut self.screen)
    }

    /// Feeds this frame's input and time to every part; the changes they ask for go to
    /// `commands`. Returns true when the input must not reach the page (it woke the kiosk,
    /// or staff are at the pad or the admin screen).
    ///
    /// This is where the kiosk's state machines watch the input and the clock (their timers,
    /// the corner hold); what they decide is a command, applied in one place.
    pub fn observe(&mut self, ctx: &egui::Context, now: f64, commands: &mut Vec<Command>) -> bool {
        let input = has_user_input(ctx);
        let staff = self.door.is_open() || self.is_admin_open();
        let mut swallow = staff;
        swallow |= self.screen.observe(input, now, commands);
        if let Some(admin) = self.admin.state_mut() {
            // Staff at work: the visitor side's timer waits; the screen's own minute counts,
            // but not while slow work runs (staff wait for it).
            self.visitors.hold(now);
            if input || admin.work.is_some() {
                admin.timer.touch(now);
            }
            if admin.work.as_ref().is_some_and(Work::is_finished) {
                commands.push(Command::Admin(AdminCommand::WorkDone));
            } else if admin.timer.is_over(now) {
                commands.push(Command::Admin(AdminCommand::Close));
            }
        }
        swallow |= self
            .visitors
            .observe(input, staff, now, self.screen.hour(), commands);
        if !staff {
            self.door.observe(ctx, now, commands);
        }
        swallow
    }

    /// Applies the commands that change the session, returning those that follow.
    pub fn apply(&mut self, command: &Command, now: f64) -> Vec<Command> {
        match command {
            Command::OpenAdminPad => {
                // The touch that held the corner was staff's, not a visitor's.
                self.visitors.forget_visit();
                self.door.open();
            }
            Command::CloseAdminPad => self.door.close(),
            Command::Pad(key) if self.door.key(*key, now) => {
                self.door.close();
                self.admin.open(now);
            }
            Command::Reset => {
                self.door.close();
                self.admin.close();
            }
            Command::BlockTouches => self.visitors.set_blocking(true),
            Command::UnblockTouches => self.visitors.set_blocking(false),
            Command::HideCursor => self.screen.cursor_hidden(),
            Command::Exit => return self.visitors.end_visit().into_iter().collect(),
            _ => {}
        }
        Vec::new()
    }

    /// Draws what lies over the page: black outside the screen hours; else the idle warning
    /// or the attract loop, the PIN pad with the content's state (`facts`, for staff), the
    /// admin screen, and the layer that holds off a waking touch.
    pub fn overlay_ui(
        &self,
        ctx: &egui::Context,
        cx: &PageCtx<'_>,
        now: f64,
        facts: &ContentFacts,
        commands: &mut Vec<Command>,
    ) {
        if self.is_dark() {
            // Black, and every touch taken; nothing else is drawn.
            overlay::full_screen_layer(ctx, "dark", Some(egui::Color32::BLACK), |_, _| ());
            return;
        }
        self.visitors.overlay_ui(ctx, cx, now, commands);
        let code = &cx.content.language(cx.lang).code;
        self.door
            .ui(ctx, cx, now, &facts.status_line(code), commands);
        if let Some(admin) = self.admin.state() {
            let view = crate::pages::admin_screen::AdminView {
                code,
                admin,
                facts,
                hours: self.screen.hours(),
                clock_trusted: self.screen.clock_trusted(),
                language: cx.content.language(cx.lang),
            };
            if let Some(command) = crate::pages::admin_screen::admin_ui(ctx, cx.theme, &view) {
                commands.push(Command::Admin(command));
            }
        }
    }

    /// Seconds from `now` until the screen changes by itself: the idle machine's next
    /// change, the admin screen closing, a corner hold completing, the lockout's countdown
    /// ticking, or the screen hours' next edge.
    pub fn secs_until_change(&self, now: f64) -> f64 {
        let hours = self.screen.secs_until_change(now);
        if self.is_dark() {
            // Nothing is drawn until the hours start or the wake ends.
            return hours.unwrap_or(3600.0);
        }
        let mut secs = self.visitors.secs_until_change(now);
        // Slow work under way: its seconds tick on screen (its steps wake the screen too).
        let work = self
            .admin
            .state()
            .and_then(|a| a.work.as_ref())
            .map(|_| 1.0);
        for other in [
            hours,
            work,
            self.admin.state().map(|a| a.timer.secs_until_close(now)),
            self.door.secs_until_change(now),
        ]
        .into_iter()
        .flatten()
        {
            secs = secs.min(other);
        }
        secs
    }
}

/// Whether this frame has input from a person: a touch, a key, a pointer move or a scroll.
fn has_user_input(ctx: &egui::Context) -> bool {
    ctx.input(|i| {
        i.events.iter().any(|e| {
            matches!(
                e,
                egui::Event::Key { .. }
                    | egui::Event::Text(_)
                    | egui::Event::PointerMoved(_)
                    | egui::Event::PointerButton { .. }
                    | egui::Event::Touch { .. }
                    | egui::Event::MouseWheel { .. }
                    | egui::Event::Zoom(_)
            )
        })
    })
}
