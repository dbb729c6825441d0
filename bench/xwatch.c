/* xwatch: watch an X screen for changes, precisely, for the benchmarks in bench/.
 *
 * Every change of the screen is seen through the X DAMAGE extension (the X server sends an
 * event as soon as anything draws), and each event is checked with an XShm grab of the region
 * of interest, so a redraw of identical pixels does not count as a change. Optionally it
 * also polls every -p milliseconds (a check that no change is missed). Times are
 * CLOCK_REALTIME epochs, comparable with `date +%s.%N`.
 *
 *   xwatch exec T0FILE CMD [ARGS...]
 *       Writes the epoch to T0FILE, then execs CMD (same pid): "exec" time, exactly.
 *   xwatch start [-t TIMEOUT_S] [-c MIN_COLOURS] [-s STABLE_MS] [-m MAX_SETTLE_MS] [-p POLL_MS]
 *       Prints "ready", then waits for the whole screen to show content (at least MIN_COLOURS
 *       distinct colours on a grid of every 4th pixel: 16) and then to stay unchanged for
 *       STABLE_MS (2000). Prints first_content_epoch, visually_complete_epoch (the last change
 *       before that calm), changes (how many distinct screens were seen).
 *   xwatch tap X Y [-r X,Y,W,H] [-h HOLD_MS] [-s STABLE_MS] [-t TIMEOUT_MS] [-P PID,...]
 *                  [-i IDLE_WATCH_MS] [-p POLL_MS] [-k KEYSYM]
 *       Moves the pointer to X,Y, waits for the screen to calm down, presses button 1, holds
 *       HOLD_MS (60), takes a reference grab of the region (default: the whole screen) and
 *       releases the button: t0 is the moment the release is sent. (With -k it sends that key
 *       instead of the click, pressed and released at t0.) Then it records every distinct
 *       change of the region until it stays unchanged for STABLE_MS (700), or until TIMEOUT_MS
 *       (5000) passes without any change; a screen that never settles ends the watch
 *       TIMEOUT_MS + 10 s after t0 (then it prints unsettled=1).
 *       Prints tap_ms (t0 to the first changed frame), last_ms (t0 to the last change),
 *       frames (distinct frames seen in the region), fps (between first and last change),
 *       idle_redraws (screen updates after the last change that changed nothing in the
 *       region, until the end of the watch: frames drawn for nothing).
 *       With -P (the program's pids): cpu_ms (CPU time of those processes from t0 to the last
 *       change, from /proc/PID/task/ALL/schedstat, in ns), cpu_pct (the same as % of one core
 *       over that time), and idle_after_ms: after the last change, the end of the last 50 ms
 *       window in which the processes used more than 1 % of a core, before a first quiet
 *       second (watched for IDLE_WATCH_MS, 4000); -1 if it never became quiet.
 *   xwatch find
 *       Finds the kiosk layout's tap targets on screen (office-kiosk and bench/peer alike: a
 *       300-pixel rail on the left, language buttons at the top right): prints
 *       "nav X Y" for each navigation entry (the centre of its icon, found as the ink in the
 *       rail's icon column, x 40..76, below y 185) and "lang X Y" for each language button
 *       (runs of non-background pixels across y 48, right of x 1000).
 *
 * Exit: 0 ok, 2 timeout (no content / no change), 3 no display or a missing extension, 1 usage.
 * Build: gcc -O2 -o xwatch xwatch.c -lX11 -lXext -lXdamage -lXfixes -lXtst
 */
#define _GNU_SOURCE
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>
#include <X11/extensions/Xdamage.h>
#include <X11/extensions/XTest.h>
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void sleep_ms(double ms) {
    if (ms <= 0) return;
    struct timespec ts = {(time_t)(ms / 1000), (long)((ms - (time_t)(ms / 1000) * 1000) * 1e6)};
    while (nanosleep(&ts, &ts) == -1 && errno == EINTR) {}
}

static int xerr(Display *d, XErrorEvent *e) {
    (void)d;
    fprintf(stderr, "xwatch: X error code %d (request %d)\n", e->error_code, e->request_code);
    return 0;
}

/* ---- the screen region: XShm grabs ---- */

typedef struct {
    Display *d;
    Window root;
    int x, y, w, h;
    XImage *img;
    XShmSegmentInfo shm;
    uint32_t *prev; /* the last frame seen, w*h pixels */
    int damage_event;
    Damage damage;
} Watch;

static int screen_open(Watch *s, const char *region) {
    s->d = XOpenDisplay(NULL);
    if (!s->d) { fprintf(stderr, "xwatch: cannot open display\n"); return 3; }
    XSetErrorHandler(xerr);
    s->root = DefaultRootWindow(s->d);
    XWindowAttributes wa;
    XGetWindowAttributes(s->d, s->root, &wa);
    s->x = 0; s->y = 0; s->w = wa.width; s->h = wa.height;
    if (region && sscanf(region, "%d,%d,%d,%d", &s->x, &s->y, &s->w, &s->h) != 4) {
        fprintf(stderr, "xwatch: region must be X,Y,W,H\n");
        return 1;
    }
    if (s->x < 0 || s->y < 0 || s->w <= 0 || s->h <= 0 || s->x + s->w > wa.width ||
        s->y + s->h > wa.height) {
        fprintf(stderr, "xwatch: region outside the screen\n");
        return 1;
    }
    if (!XShmQueryExtension(s->d)) { fprintf(stderr, "xwatch: no MIT-SHM\n"); return 3; }
    s->img = XShmCreateImage(s->d, DefaultVisual(s->d, DefaultScreen(s->d)),
                             DefaultDepth(s->d, DefaultScreen(s->d)), ZPixmap, NULL, &s->shm,
                             s->w, s->h);
    if (!s->img || s->img->bits_per_pixel != 32) {
        fprintf(stderr, "xwatch: needs a 24/32-bit screen\n");
        return 3;
    }
    s->shm.shmid = shmget(IPC_PRIVATE, (size_t)s->img->bytes_per_line * s->h, IPC_CREAT | 0600);
    if (s->shm.shmid < 0) { perror("shmget"); return 3; }
    s->shm.shmaddr = s->img->data = shmat(s->shm.shmid, NULL, 0);
    s->shm.readOnly = False;
    XShmAttach(s->d, &s->shm);
    XSync(s->d, False);
    shmctl(s->shm.shmid, IPC_RMID, NULL); /* freed when both sides detach */
    s->prev = calloc((size_t)s->w * s->h, sizeof(uint32_t));
    int err;
    if (!XDamageQueryExtension(s->d, &s->damage_event, &err)) {
        fprintf(stderr, "xwatch: no DAMAGE extension\n");
        return 3;
    }
    s->damage = XDamageCreate(s->d, s->root, XDamageReportNonEmpty);
    XSync(s->d, False);
    return 0;
}

/* Grabs the region into s->img; the pixels are s->img->data, bytes_per_line apart. */
static void grab(Watch *s) {
    XShmGetImage(s->d, s->root, s->img, s->x, s->y, AllPlanes);
}

/* Whether the grab differs from the last frame kept; keeps it if so. */
static int changed(Watch *s) {
    int diff = 0;
    for (int row = 0; row < s->h; row++) {
        uint32_t *src = (uint32_t *)(s->img->data + (size_t)row * s->img->bytes_per_line);
        uint32_t *dst = s->prev + (size_t)row * s->w;
        if (diff || memcmp(src, dst, (size_t)s->w * 4) != 0) {
            diff = 1;
            memcpy(dst, src, (size_t)s->w * 4);
        }
    }
    return diff;
}

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Distinct colours on a grid of every 4th pixel of the kept frame (up to 1000). */
static int colours(Watch *s) {
    size_t n = 0, cap = (size_t)(s->w / 4 + 1) * (s->h / 4 + 1);
    uint32_t *v = malloc(cap * sizeof(uint32_t));
    for (int y = 0; y < s->h; y += 4)
        for (int x = 0; x < s->w; x += 4) v[n++] = s->prev[(size_t)y * s->w + x] & 0xffffff;
    qsort(v, n, sizeof(uint32_t), cmp_u32);
    int c = n ? 1 : 0;
    for (size_t i = 1; i < n && c < 1000; i++) c += v[i] != v[i - 1];
    free(v);
    return c;
}

/* Waits for the next damage event, at most timeout_ms; clears the damage and drops the
 * events already queued (they belong to the same change).
 * Returns the epoch at which the event arrived; 0 when poll_ms (> 0) passed first (grab
 * anyway); -1 when timeout_ms passed. */
static double wait_damage(Watch *s, double timeout_ms, double poll_ms) {
    double start = now();
    for (;;) {
        while (XPending(s->d)) {
            XEvent ev;
            XNextEvent(s->d, &ev);
            if (ev.type == s->damage_event + XDamageNotify) {
                double t = now();
                XDamageSubtract(s->d, s->damage, None, None);
                while (XPending(s->d)) XNextEvent(s->d, &ev);
                return t;
            }
        }
        double spent = (now() - start) * 1000;
        if (spent >= timeout_ms) return -1;
        if (poll_ms > 0 && spent >= poll_ms) return 0;
        double left = timeout_ms - spent;
        if (poll_ms > 0 && poll_ms - spent < left) left = poll_ms - spent;
        struct pollfd pfd = {ConnectionNumber(s->d), POLLIN, 0};
        poll(&pfd, 1, (int)(left + 0.999));
    }
}

/* ---- CPU time of a set of processes, from schedstat (ns) ---- */

static long long cpu_ns(const int *pids, int n) {
    long long total = 0;
    char path[64];
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof path, "/proc/%d/task", pids[i]);
        DIR *dir = opendir(path);
        if (!dir) continue;
        struct dirent *e;
        while ((e = readdir(dir))) {
            if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
            char p[320];
            snprintf(p, sizeof p, "/proc/%d/task/%s/schedstat", pids[i], e->d_name);
            FILE *f = fopen(p, "r");
            if (!f) continue;
            long long ns;
            if (fscanf(f, "%lld", &ns) == 1) total += ns;
            fclose(f);
        }
        closedir(dir);
    }
    return total;
}

/* ---- subcommands ---- */

static int cmd_exec(int argc, char **argv) {
    if (argc < 2) return 1;
    FILE *f = fopen(argv[0], "w");
    if (!f) { perror(argv[0]); return 1; }
    fprintf(f, "%.6f\n", now());
    fclose(f);
    execvp(argv[1], argv + 1);
    perror(argv[1]);
    return 127;
}

static int cmd_start(int argc, char **argv) {
    double timeout_s = 60, stable_ms = 2000, max_settle_ms = 10000, poll_ms = 0;
    int min_colours = 16, opt;
    optind = 1;
    while ((opt = getopt(argc, argv, "t:c:s:m:p:")) != -1) {
        switch (opt) {
        case 't': timeout_s = atof(optarg); break;
        case 'c': min_colours = atoi(optarg); break;
        case 's': stable_ms = atof(optarg); break;
        case 'm': max_settle_ms = atof(optarg); break;
        case 'p': poll_ms = atof(optarg); break;
        default: return 1;
        }
    }
    Watch s;
    int rc = screen_open(&s, NULL);
    if (rc) return rc;
    grab(&s);
    changed(&s);
    printf("ready\n");
    fflush(stdout);
    double start = now(), first = 0, last = 0;
    long changes = 0;
    for (;;) {
        double wait = first ? stable_ms - (now() - last) * 1000 : timeout_s * 1000 - (now() - start) * 1000;
        if (wait <= 0) break;
        double t = wait_damage(&s, wait, poll_ms);
        if (t < 0) break;
        if (t == 0) t = now();
        grab(&s);
        if (!changed(&s)) continue;
        changes++;
        last = t;
        if (!first && colours(&s) >= min_colours) {
            first = t;
            printf("first_content_epoch=%.6f\n", first);
            fflush(stdout);
        }
        if (first && (now() - first) * 1000 > max_settle_ms) {
            printf("visually_complete_timeout=1\n");
            break;
        }
    }
    if (!first) { printf("first_content_timeout=1\n"); return 2; }
    printf("visually_complete_epoch=%.6f\nchanges=%ld\n", last, changes);
    return 0;
}

static int cmd_tap(int argc, char **argv) {
    const char *region = NULL, *pidlist = NULL, *key = NULL;
    double hold_ms = 60, stable_ms = 700, timeout_ms = 5000, idle_watch_ms = 4000, poll_ms = 0;
    int opt;
    optind = 1;
    while ((opt = getopt(argc, argv, "r:h:s:t:P:i:p:k:")) != -1) {
        switch (opt) {
        case 'r': region = optarg; break;
        case 'h': hold_ms = atof(optarg); break;
        case 's': stable_ms = atof(optarg); break;
        case 't': timeout_ms = atof(optarg); break;
        case 'P': pidlist = optarg; break;
        case 'i': idle_watch_ms = atof(optarg); break;
        case 'p': poll_ms = atof(optarg); break;
        case 'k': key = optarg; break;
        default: return 1;
        }
    }
    if (argc - optind != 2 && !key) return 1;
    int px = key ? 0 : atoi(argv[optind]), py = key ? 0 : atoi(argv[optind + 1]);
    int pids[256], npids = 0;
    if (pidlist) {
        char *copy = strdup(pidlist);
        for (char *tok = strtok(copy, ", "); tok && npids < 256; tok = strtok(NULL, ", "))
            pids[npids++] = atoi(tok);
        free(copy);
    }
    Watch s;
    int rc = screen_open(&s, region);
    if (rc) return rc;
    int ev, er, maj, min;
    if (!XTestQueryExtension(s.d, &ev, &er, &maj, &min)) { fprintf(stderr, "xwatch: no XTEST\n"); return 3; }
    KeyCode kc = 0;
    if (key) {
        kc = XKeysymToKeycode(s.d, XStringToKeysym(key));
        if (!kc) { fprintf(stderr, "xwatch: unknown key %s\n", key); return 1; }
    } else {
        XTestFakeMotionEvent(s.d, -1, px, py, 0);
        XSync(s.d, False);
    }
    /* let whatever the move caused finish: no damage for 150 ms (at most 3 s) */
    for (double t0 = now(); (now() - t0) < 3.0;)
        if (wait_damage(&s, 150, 0) < 0) break;
    if (!key) {
        XTestFakeButtonEvent(s.d, 1, True, 0);
        XSync(s.d, False);
        sleep_ms(hold_ms);
        /* the press may light the button up; the page area must not change yet */
        for (double t0 = now(); (now() - t0) < 1.0;)
            if (wait_damage(&s, 50, 0) < 0) break;
    }
    grab(&s);
    changed(&s);
    long long cpu0 = npids ? cpu_ns(pids, npids) : 0;
    double t0 = now();
    if (key) {
        /* press and release together: a held key would repeat */
        XTestFakeKeyEvent(s.d, kc, True, 0);
        XTestFakeKeyEvent(s.d, kc, False, 0);
        XFlush(s.d);
    } else {
        XTestFakeButtonEvent(s.d, 1, False, 0);
        XFlush(s.d);
    }
    /* CPU samples every SLICE_MS from t0 on, while watching the screen and after */
    enum { MAX_SAMPLES = 4096 };
    static double st[MAX_SAMPLES];
    static long long sc[MAX_SAMPLES];
    int ns = 0;
    const double slice_ms = 50;
    if (npids) { st[ns] = t0; sc[ns++] = cpu0; }
    double first = 0, last = 0;
    long frames = 0, idle_redraws = 0;
    long long cpu_last = cpu0;
    for (;;) {
        double remaining = first ? stable_ms - (now() - last) * 1000 : timeout_ms - (now() - t0) * 1000;
        if (remaining <= 0) break;
        /* a screen that never settles (an endless animation) ends the watch too */
        if ((now() - t0) * 1000 > timeout_ms + 10000) { printf("unsettled=1\n"); break; }
        double slice = remaining;
        if (npids && slice > slice_ms) slice = slice_ms;
        if (poll_ms > 0 && slice > poll_ms) slice = poll_ms;
        double t = wait_damage(&s, slice, 0);
        if (npids && ns < MAX_SAMPLES) { st[ns] = now(); sc[ns++] = cpu_ns(pids, npids); }
        if (t < 0 && poll_ms <= 0) continue; /* the slice ended without an update */
        int damaged = t > 0;
        if (!damaged) t = now();
        grab(&s);
        if (!changed(&s)) {
            if (first && damaged) idle_redraws++;
            continue;
        }
        idle_redraws = 0;
        frames++;
        if (!first) first = t;
        last = t;
        if (npids) cpu_last = cpu_ns(pids, npids);
    }
    if (!first) {
        printf("tap_timeout=1\n");
        return 2;
    }
    printf("t0_epoch=%.6f\ntap_ms=%.2f\nlast_ms=%.2f\nframes=%ld\n", t0, (first - t0) * 1000,
           (last - t0) * 1000, frames);
    if (frames > 1 && last > first) printf("fps=%.1f\n", (frames - 1) / (last - first));
    if (npids) {
        /* CPU to the last change: cpu_last was read right after the last changed grab */
        double cpu_ms = (cpu_last - cpu0) / 1e6;
        printf("cpu_ms=%.1f\ncpu_pct=%.1f\n", cpu_ms, cpu_ms / ((last - t0) * 1000) * 100);
        /* keep sampling (and counting screen updates) until IDLE_WATCH_MS after the last change */
        double tend = last + idle_watch_ms / 1000;
        while (now() < tend && ns < MAX_SAMPLES) {
            double until = now() + slice_ms / 1000;
            for (double left; (left = (until - now()) * 1000) > 0;)
                if (wait_damage(&s, left, 0) > 0) idle_redraws++;
            st[ns] = now();
            sc[ns++] = cpu_ns(pids, npids);
        }
        /* back to idle: the end of the last sample window after the last change in which the
         * processes used more than 1 % of a core, before a first quiet second */
        double busy_end = last, quiet_for = 0, idle_after = -1;
        for (int i = 1; i < ns; i++) {
            if (st[i] <= last) continue;
            double from = st[i - 1] > last ? st[i - 1] : last;
            double span_ms = (st[i] - st[i - 1]) * 1000, used_ms = (sc[i] - sc[i - 1]) / 1e6;
            if (used_ms > 0.01 * span_ms) {
                busy_end = st[i];
                quiet_for = 0;
            } else {
                quiet_for += (st[i] - from) * 1000;
                if (quiet_for >= 1000) { idle_after = (busy_end - last) * 1000; break; }
            }
        }
        printf("idle_after_ms=%.0f\n", idle_after);
    }
    /* X DAMAGE events after the last change: frames that changed nothing in the region */
    printf("idle_redraws=%ld\n", idle_redraws);
    return 0;
}

static int cmd_find(void) {
    Watch s;
    int rc = screen_open(&s, NULL);
    if (rc) return rc;
    grab(&s);
    changed(&s);
    uint32_t *p = s.prev;
#define PX(x, y) (p[(size_t)(y) * s.w + (x)] & 0xffffff)
    /* the rail: white, or the selected entry's tint; anything else in the icon column is ink */
    int in_band = 0, start = 0;
    for (int y = 185; y < s.h - 2; y++) {
        int ink = 0;
        for (int x = 40; x <= 76 && !ink; x++) {
            uint32_t c = PX(x, y);
            ink = c != 0xffffff && c != 0xe3ecf6 && c != 0xdde7f3;
        }
        if (ink && !in_band) { in_band = 1; start = y; }
        if (!ink && in_band) {
            in_band = 0;
            if (y - start >= 12) printf("nav 58 %d\n", (start + y - 1) / 2);
        }
    }
    /* language buttons: runs across y = 48 that differ from the page background */
    uint32_t bg = PX(s.w - 1, 48);
    int in_run = 0;
    for (int x = 1000; x < s.w; x++) {
        int ink = PX(x, 48) != bg;
        if (ink && !in_run) { in_run = 1; start = x; }
        if ((!ink || x == s.w - 1) && in_run) {
            in_run = 0;
            if (x - start >= 60) printf("lang %d 48\n", (start + x - 1) / 2);
        }
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc >= 2 && !strcmp(argv[1], "exec")) return cmd_exec(argc - 2, argv + 2);
    if (argc >= 2 && !strcmp(argv[1], "start")) return cmd_start(argc - 1, argv + 1);
    if (argc >= 2 && !strcmp(argv[1], "tap")) return cmd_tap(argc - 1, argv + 1);
    if (argc >= 2 && !strcmp(argv[1], "find")) return cmd_find();
    fprintf(stderr, "usage: xwatch exec T0FILE CMD... | start [options] | tap X Y [options] | find\n");
    return 1;
}
