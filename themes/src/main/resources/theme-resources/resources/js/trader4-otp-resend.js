// Counts the resend cooldown down and keeps the resend buttons ("Send a new code", "Call me
// instead") disabled until then. Without this script they work anyway: the server refuses an
// early resend with the time left.
for (const button of document.querySelectorAll("#kc-trader4-otp-resend-form button[data-wait-seconds]")) {
  let left = Number.parseInt(button.dataset.waitSeconds || "0", 10);
  const waiting = button.dataset.labelWaiting;
  const ready = button.dataset.labelReady || button.textContent;

  const render = () => {
    button.disabled = left > 0;
    if (waiting) {
      button.textContent = left > 0 ? waiting.replace("{0}", String(left)) : ready;
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
