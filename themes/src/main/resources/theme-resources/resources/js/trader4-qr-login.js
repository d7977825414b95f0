// Polls the QR login's state and hands control back to the login flow: the flow itself, not this
// script, collects the approval. Served as a theme resource so no inline script is needed.
(function () {
    "use strict";
    var box = document.getElementById("trader4-qr");
    var form = document.getElementById("trader4-qr-form");
    var action = document.getElementById("trader4-qr-action");
    if (!box || !form || !action) {
        return;
    }
    var statusUrl = box.getAttribute("data-status-url");
    var pollMillis = Math.max(1, parseInt(box.getAttribute("data-poll-seconds"), 10) || 2) * 1000;
    // Renewed a little before it expires, so a phone never scans a code that dies in its hands.
    var renewAt = Date.now() + Math.max(1, (parseInt(box.getAttribute("data-seconds-left"), 10) || 0) - 5) * 1000;
    var submitted = false;

    function submit(value) {
        if (submitted) {
            return;
        }
        submitted = true;
        action.value = value;
        form.submit();
    }

    function poll() {
        if (submitted) {
            return;
        }
        if (Date.now() >= renewAt) {
            submit("renew");
            return;
        }
        fetch(statusUrl, {credentials: "same-origin", cache: "no-store", headers: {"Accept": "application/json"}})
            .then(function (response) {
                return response.ok ? response.json() : {status: response.status === 401 ? "lost" : "error"};
            })
            .then(function (state) {
                if (state.status === "approved" || state.status === "denied") {
                    submit("check");
                } else if (state.status === "expired" || state.status === "claimed" || state.status === "unknown"
                        || state.status === "lost") {
                    // "lost": the server no longer finds this login from its cookie (expired, cleared,
                    // or never sent). The flow, not this page, says what happened or starts again.
                    submit("renew");
                } else {
                    setTimeout(poll, pollMillis);
                }
            })
            .catch(function () {
                setTimeout(poll, pollMillis * 2);
            });
    }

    setTimeout(poll, pollMillis);
}());
