<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
    <#if section = "header">
        ${msg("trader4QrTitle")}
    <#elseif section = "form">
        <#if qr??>
            <div id="trader4-qr" data-status-url="${qr.statusUrl}" data-poll-seconds="${qr.pollSeconds?c}"
                 data-seconds-left="${qr.secondsLeft?c}" style="text-align:center">
                <img id="trader4-qr-image" src="${qr.image}" alt="${msg("trader4QrImageAlt")}"
                     width="280" height="280" style="image-rendering:pixelated;max-width:100%;height:auto"/>
                <p>${msg("trader4QrInstruction")}</p>
                <p id="trader4-qr-state" aria-live="polite">${msg("trader4QrWaiting")}</p>
            </div>
        </#if>
        <form id="trader4-qr-form" action="${url.loginAction}" method="post">
            <input type="hidden" id="trader4-qr-action" name="qr_action" value="check"/>
            <noscript>
                <button class="pf-v5-c-button pf-m-primary pf-m-block" type="submit">${msg("trader4QrContinue")}</button>
            </noscript>
        </form>
        <form id="trader4-qr-otp" action="${url.loginAction}" method="post" style="text-align:center;margin-top:1rem">
            <input type="hidden" name="qr_action" value="otp"/>
            <button id="trader4-qr-use-code" class="pf-v5-c-button pf-m-link" type="submit">${msg("trader4QrUseCode")}</button>
        </form>
        <script src="${url.resourcesPath}/js/trader4-qr-login.js" defer></script>
    </#if>
</@layout.registrationLayout>
