// The wallet page: copies the message to sign, and signs it with a browser wallet when there is
// one (EIP-1193 window.ethereum, personal_sign), then submits the signature. Without this script
// the page still works: copy the message by hand, sign it in any wallet, paste the signature.
const message = document.getElementById("trader4-wallet-message");
const copy = document.getElementById("trader4-wallet-copy");

if (message && copy) {
  const label = copy.textContent;
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(message.value);
    } catch (notAllowed) {
      // Insecure origins and old browsers have no clipboard API: leave the text selected instead.
      message.select();
      document.execCommand("copy");
    }
    copy.textContent = copy.dataset.labelCopied || label;
    setTimeout(() => { copy.textContent = label; }, 2000);
  });
}

const group = document.getElementById("trader4-wallet-browser-group");
const button = document.getElementById("trader4-wallet-browser");
const provider = window.ethereum;

if (group && button && message && provider && typeof provider.request === "function") {
  const form = document.getElementById("kc-trader4-wallet-form");
  const field = document.getElementById("signature");
  const error = document.getElementById("trader4-wallet-browser-error");
  const address = button.dataset.address;

  const show = (text) => {
    error.textContent = text;
    error.hidden = !text;
  };

  // personal_sign takes the message as hex of its UTF-8 bytes; wallets show it decoded.
  const hex = (text) => "0x" + Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, "0")).join("");

  group.hidden = false;
  button.addEventListener("click", async () => {
    show("");
    button.disabled = true;
    try {
      const accounts = await provider.request({ method: "eth_requestAccounts" });
      if (!Array.isArray(accounts) || !accounts.some((a) => String(a).toLowerCase() === address.toLowerCase())) {
        show(button.dataset.errorAccount);
        return;
      }
      const signature = await provider.request({ method: "personal_sign", params: [hex(message.value), address] });
      field.value = signature;
      form.requestSubmit ? form.requestSubmit(document.getElementById("kc-login")) : form.submit();
    } catch (refused) {
      show(button.dataset.errorRejected);
    } finally {
      button.disabled = false;
    }
  });
}
