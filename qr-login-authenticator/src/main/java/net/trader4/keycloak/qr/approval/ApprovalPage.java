package net.trader4.keycloak.qr.approval;

/**
 * The HTML of the approval page: one self-contained document with no script, so that it works on
 * any phone browser and a strict Content-Security-Policy holds. Every value is escaped.
 */
public final class ApprovalPage {

    private static final String STYLE = "body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;"
            + "background:#f3f4f6;color:#111827}main{max-width:28rem;margin:0 auto;padding:1.5rem}"
            + "section{background:#fff;border-radius:12px;padding:1.25rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}"
            + "h1{font-size:1.35rem;margin:0 0 1rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.4rem .9rem;margin:1rem 0}"
            + "dt{color:#6b7280}dd{margin:0;font-weight:600;word-break:break-word}"
            + "button{width:100%;padding:.9rem;font-size:1.05rem;border-radius:8px;border:0;margin-top:.6rem;cursor:pointer}"
            + ".approve{background:#0b5cad;color:#fff}.deny{background:#fff;color:#b91c1c;border:2px solid #b91c1c}"
            + ".warn{background:#fef3c7;border-radius:8px;padding:.75rem;margin-top:1rem}p.small{color:#6b7280;font-size:.9rem}";

    private ApprovalPage() {
    }

    public static String confirm(ApprovalView view) {
        String body = "<h1>Sign in on another device?</h1>"
                + "<p><strong>" + e(view.clientName()) + "</strong> is asking to sign in as <strong id=\"account\">"
                + e(view.account()) + "</strong>.</p>"
                + "<dl>"
                + "<dt>Device</dt><dd id=\"device\">" + e(view.device()) + "</dd>"
                + "<dt>IP address</dt><dd id=\"ip\">" + e(view.ipAddress()) + "</dd>"
                + "<dt>Requested</dt><dd id=\"requested\">" + e(view.requestedAt()) + " (" + ago(view.secondsAgo()) + ")</dd>"
                + "<dt>Account</dt><dd>" + e(view.account()) + "</dd>"
                + "</dl>"
                + "<p class=\"small\">Approve only if you are in front of that screen and just scanned its QR code. "
                + "This request expires in " + view.secondsLeft() + " seconds.</p>"
                + "<form method=\"post\" action=\"" + e(view.formAction()) + "\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + e(view.csrf()) + "\">"
                + "<button class=\"approve\" id=\"approve\" name=\"decision\" value=\"approve\">Approve</button>"
                + "<div class=\"warn\"><strong>Didn't start this? Deny it.</strong> Someone may be trying to get you to "
                + "sign them in to your account.</div>"
                + "<button class=\"deny\" id=\"deny\" name=\"decision\" value=\"deny\">Deny</button>"
                + "</form>";
        return document("Approve sign-in", "qr-approval", body);
    }

    public static String message(String title, String text, String pageId) {
        return document(title, pageId, "<h1>" + e(title) + "</h1><p id=\"message\">" + e(text) + "</p>");
    }

    private static String document(String title, String pageId, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + e(title) + "</title><style>" + STYLE + "</style></head>"
                + "<body data-page-id=\"" + e(pageId) + "\"><main><section>" + body + "</section></main></body></html>";
    }

    private static String ago(long seconds) {
        if (seconds < 60) {
            return Math.max(0, seconds) + " seconds ago";
        }
        return seconds / 60 + (seconds / 60 == 1 ? " minute ago" : " minutes ago");
    }

    /** HTML-escapes text and attribute values. */
    static String e(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
