<#import "template.ftl" as layout>
<#import "trader4-otp-ui.ftl" as otp>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('phoneNumber'); section>
<!-- template: trader4-phone-number.ftl -->
    <#if section = "header">
        ${msg("trader4PhoneTitle")}
    <#elseif section = "form">
        <form id="kc-trader4-phone-number-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@otp.input name="phoneNumber" label=msg("trader4PhoneLabel") value=trader4PhoneTyped!'' autocomplete="tel" autofocus=true/>
            <p id="trader4-phone-help" class="${properties.kcFormHelperTextClass!}">${msg("trader4PhoneHelp")}</p>
            <@otp.primaryButton id="kc-trader4-phone-send" name="send" label="trader4OtpSendCode"/>
            <#if isAppInitiatedAction??>
                <button id="kc-cancel" name="cancel-aia" value="true" type="submit"
                        class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("doCancel")}</button>
            </#if>
        </form>
    </#if>
</@layout.registrationLayout>
