// Counts the resend cooldown down on the button and keeps it disabled until then. Without this
// script the button works anyway: the server refuses an early resend with the time left.
const button = document.getElementById("trader4-otp-resend");

if (button) {
  let left = Number.parseInt(button.dataset.waitSeconds || "0", 10);
  const waiting = button.dataset.labelWaiting || "";
  const ready = button.dataset.labelReady || button.textContent;

  const render = () => {
    if (left > 0) {
      button.disabled = true;
      button.textContent = waiting.replace("{0}", String(left));
    } else {
      button.disabled = false;
      button.textContent = ready;
    }
  };

  render();
  if (left > 0) {
    const timer = setInterval(() => {
      left -= 1;
      render();
      if (left <= 0) {
        clearInterval(timer);
      }
    }, 1000);
  }
}
