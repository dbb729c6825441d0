// The browser peer of office-kiosk (bench/run): shows one section at a time, like the kiosk.
// Navigation, home tiles and Page Down / Page Up change the page; the language buttons
// switch every text. Nothing else runs: no timers, no network.
"use strict";
const main = document.getElementById("main");
const fade = document.getElementById("fade");
const updateFade = () => { fade.hidden = main.scrollTop + main.clientHeight >= main.scrollHeight - 1; };
main.addEventListener("scroll", updateFade, { passive: true });
const order = [...document.querySelectorAll("#rail .nav")].map((b) => b.dataset.go);
let current = "home";

function go(page) {
  if (page === current) return;
  document.getElementById("p-" + current).hidden = true;
  document.getElementById("p-" + page).hidden = false;
  main.scrollTop = 0;
  updateFade();
  for (const b of document.querySelectorAll("#rail .nav")) b.classList.toggle("sel", b.dataset.go === page);
  current = page;
}

function setLang(code) {
  document.documentElement.dataset.lang = code;
  document.documentElement.lang = code;
  for (const b of document.querySelectorAll(".langb")) b.classList.toggle("sel", b.dataset.lang === code);
  updateFade();
}

document.addEventListener("click", (e) => {
  const t = e.target.closest("[data-go], [data-lang]");
  if (!t || t === document.documentElement) return;
  if (t.dataset.go) go(t.dataset.go);
  else setLang(t.dataset.lang);
});

document.addEventListener("keydown", (e) => {
  const i = order.indexOf(current);
  if (e.key === "PageDown") go(order[(i + 1) % order.length]);
  if (e.key === "PageUp") go(order[(i + order.length - 1) % order.length]);
});

// Like the kiosk's --page and --lang: index.html#facts or #facts/es starts there.
{
  const [page, lang] = location.hash.slice(1).split("/");
  if (lang) setLang(lang);
  if (order.includes(page)) go(page);
}
