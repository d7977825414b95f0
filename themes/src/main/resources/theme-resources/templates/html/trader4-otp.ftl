<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${kcSanitize(msg("trader4OtpIntro", realmName))?no_esc}</p>
<p style="font-size:28px;font-weight:bold;letter-spacing:6px;font-family:monospace" data-otp-code>${code}</p>
<p>${msg("trader4OtpExpiry", ttlMinutes)}</p>
<p>${msg("trader4OtpNeverShare")}</p>
<p>${msg("trader4OtpIgnore")}</p>
</@layout.emailLayout>
