<#import "template.ftl" as layout>
<#import "trader4-otp-ui.ftl" as otp>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('identifier'); section>
<!-- template: trader4-otp-identifier.ftl -->
    <#if section = "header">
        ${msg("trader4OtpIdentifierTitle")}
    <#elseif section = "form">
        <#-- Asks for a phone number only where the flow offers one. -->
        <#if trader4OtpPhones!true>
            <#assign identifierLabel = msg("trader4OtpIdentifierLabel") identifierHelp = msg("trader4OtpIdentifierHelp")>
        <#else>
            <#assign identifierLabel = msg("trader4OtpIdentifierLabelEmail") identifierHelp = msg("trader4OtpIdentifierHelpEmail")>
        </#if>
        <form id="kc-trader4-otp-identifier-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@otp.input name="identifier" label=identifierLabel value=trader4OtpIdentifier!''
                        autocomplete="username" autofocus=true/>
            <p id="trader4-otp-identifier-help" class="${properties.kcFormHelperTextClass!}">${identifierHelp}</p>
            <@otp.primaryButton id="kc-trader4-otp-send" name="send" label="trader4OtpSendCode"/>
        </form>
    <#elseif section = "socialProviders">
        <@otp.identityProviders/>
    </#if>
</@layout.registrationLayout>
