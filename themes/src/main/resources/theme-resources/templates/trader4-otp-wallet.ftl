<#import "template.ftl" as layout>
<#import "trader4-otp-ui.ftl" as otp>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('signature'); section>
<!-- template: trader4-otp-wallet.ftl -->
    <#if section = "header">
        ${msg("trader4WalletTitle")}
    <#elseif section = "form">
        <p id="trader4-wallet-intro" class="trader4-otp-sent-to">${msg("trader4WalletIntro", trader4Wallet.maskedAddress)}</p>
        <@otp.readonlyText id="trader4-wallet-message" label=msg("trader4WalletMessageLabel") value=trader4Wallet.message rows=14/>
        <div class="trader4-wallet-tools">
            <button id="trader4-wallet-copy" type="button" class="${properties.kcButtonSecondaryClass!}"
                    data-label-copied="${msg('trader4WalletCopied')}">${msg("trader4WalletCopy")}</button>
        </div>
        <form id="kc-trader4-wallet-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <#if trader4Wallet.ethereum>
                <#-- Shown by the script only when the browser has an EIP-1193 wallet (window.ethereum). -->
                <div id="trader4-wallet-browser-group" class="trader4-wallet-tools" hidden>
                    <button id="trader4-wallet-browser" type="button" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
                            data-address="${trader4Wallet.address}"
                            data-error-rejected="${msg('trader4WalletBrowserRejected')}"
                            data-error-account="${msg('trader4WalletBrowserWrongAccount', trader4Wallet.maskedAddress)}">${msg("trader4WalletSignInBrowser")}</button>
                    <p id="trader4-wallet-browser-error" class="${properties.kcInputErrorMessageClass!}" aria-live="polite" hidden></p>
                </div>
            </#if>
            <@otp.input name="signature" label=msg("trader4WalletSignatureLabel") autocomplete="off" autofocus=true/>
            <p id="trader4-wallet-signature-help" class="${properties.kcFormHelperTextClass!}">${msg("trader4WalletSignatureHelp")}</p>
            <@otp.primaryButton id="kc-login" name="login" label="doLogIn"/>
        </form>
        <form id="kc-trader4-otp-resend-form" class="${properties.kcFormClass!} trader4-otp-secondary-actions" action="${url.loginAction}" method="post">
            <button id="trader4-otp-resend" name="resend" value="on" type="submit"
                    class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("trader4WalletNewMessageButton")}</button>
        </form>
        <form id="kc-trader4-otp-another-form" action="${url.loginAction}" method="post">
            <button id="trader4-otp-another" name="anotherIdentifier" value="on" type="submit"
                    class="${properties.kcButtonLinkClass!} trader4-otp-link">${msg("trader4OtpUseAnother")}</button>
        </form>
        <script type="module" src="${url.resourcesPath}/js/trader4-otp-wallet.js"></script>
    </#if>
</@layout.registrationLayout>
