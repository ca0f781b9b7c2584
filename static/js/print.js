// Buttons marked data-print print the page (the check-in list in the admin).
// A file of its own rather than an onclick attribute: our templates carry no
// inline script (tests/test_templates.py). The button stays hidden until this
// script runs, so without JavaScript there is no button that does nothing.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
