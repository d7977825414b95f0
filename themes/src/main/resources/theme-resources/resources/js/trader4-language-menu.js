// The theme's language menu changes page from an inline handler, which the approval page's
// Content-Security-Policy does not run: the same from a script file. Themes whose menu is a list
// of links (keycloak v1) need nothing.
const menu = document.getElementById("login-select-toggle");
if (menu) {
  menu.addEventListener("change", () => {
    if (menu.value) {
      window.location.href = menu.value;
    }
  });
}
