<#import "template.ftl" as layout>
<#import "trader4-otp-ui.ftl" as otp>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('code'); section>
<!-- template: trader4-otp-code.ftl -->
    <#if section = "header">
        ${msg("trader4OtpCodeTitle")}
    <#elseif section = "form">
        <p id="trader4-otp-sent-to" class="trader4-otp-sent-to">${msg(trader4Otp.sentToKey, trader4Otp.maskedDestination)}</p>
        <form id="kc-trader4-otp-code-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@otp.input name="code" label=msg("trader4OtpCodeLabel", trader4Otp.codeLength) autocomplete="one-time-code" autofocus=true/>
            <@otp.primaryButton id="kc-login" name="login" label="doLogIn"/>
        </form>
        <form id="kc-trader4-otp-resend-form" class="${properties.kcFormClass!} trader4-otp-secondary-actions" action="${url.loginAction}" method="post">
            <#assign wait = trader4Otp.resendWaitSeconds>
            <button id="trader4-otp-resend" name="resend" value="on" type="submit"
                    class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
                    data-wait-seconds="${wait?c}"
                    data-label-waiting="${msg('trader4OtpResendIn', '{0}')}"
                    data-label-ready="${msg('trader4OtpResend')}"><#if wait gt 0>${msg("trader4OtpResendIn", wait?c)}<#else>${msg("trader4OtpResend")}</#if></button>
            <#if trader4Otp.alternativeChannel?has_content>
                <#-- The other channel shares the cooldown: it is a new code all the same. -->
                <button id="trader4-otp-switch-channel" name="resend" value="${trader4Otp.alternativeChannel}" type="submit"
                        class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} trader4-otp-switch-channel"
                        data-wait-seconds="${wait?c}">${msg(trader4Otp.alternativeLabelKey)}</button>
            </#if>
        </form>
        <form id="kc-trader4-otp-another-form" action="${url.loginAction}" method="post">
            <button id="trader4-otp-another" name="anotherIdentifier" value="on" type="submit"
                    class="${properties.kcButtonLinkClass!} trader4-otp-link">${msg("trader4OtpUseAnother")}</button>
        </form>
        <script type="module" src="${url.resourcesPath}/js/trader4-otp-resend.js"></script>
    </#if>
</@layout.registrationLayout>
