<#import "template.ftl" as layout>
<#import "trader4-otp-ui.ftl" as otp>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('code'); section>
<!-- template: trader4-phone-code.ftl -->
    <#if section = "header">
        ${msg("trader4PhoneCodeTitle")}
    <#elseif section = "form">
        <p id="trader4-otp-sent-to" class="trader4-otp-sent-to">${msg(trader4Phone.sentToKey, trader4Phone.maskedDestination)}</p>
        <form id="kc-trader4-phone-code-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@otp.input name="code" label=msg("trader4OtpCodeLabel", trader4Phone.codeLength) autocomplete="one-time-code" autofocus=true/>
            <@otp.primaryButton id="kc-trader4-phone-confirm" name="confirm" label="trader4PhoneConfirm"/>
        </form>
        <#-- The id is the sign-in code page's, so its resend script counts the same cooldown down. -->
        <form id="kc-trader4-otp-resend-form" class="${properties.kcFormClass!} trader4-otp-secondary-actions" action="${url.loginAction}" method="post">
            <#assign wait = trader4Phone.resendWaitSeconds>
            <button id="trader4-otp-resend" name="resend" value="on" type="submit"
                    class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
                    data-wait-seconds="${wait?c}"
                    data-label-waiting="${msg('trader4OtpResendIn', '{0}')}"
                    data-label-ready="${msg('trader4OtpResend')}"><#if wait gt 0>${msg("trader4OtpResendIn", wait?c)}<#else>${msg("trader4OtpResend")}</#if></button>
        </form>
        <form id="kc-trader4-phone-another-form" action="${url.loginAction}" method="post">
            <button id="trader4-phone-another" name="anotherNumber" value="on" type="submit"
                    class="${properties.kcButtonLinkClass!} trader4-otp-link">${msg("trader4PhoneUseAnother")}</button>
        </form>
        <script type="module" src="${url.resourcesPath}/js/trader4-otp-resend.js"></script>
    </#if>
</@layout.registrationLayout>
