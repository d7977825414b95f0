<#--
  The page a signed-in phone opens from a QR code to approve or deny another device's sign-in.
  Rendered outside a login flow (ApprovalResponses), with a Content-Security-Policy that runs no
  inline script: the decision is two plain form buttons, and the theme's language menu is wired
  by a script file.
-->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: trader4-qr-approval.ftl -->
    <#if section = "header">
        ${msg("trader4QrApprovalTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/trader4-qr-approval.css"/>
        <div id="trader4-qr-approval" class="trader4-qr-approval">
            <p id="question">${msg("trader4QrApprovalQuestion", approval.clientName, approval.account)}</p>
            <dl class="trader4-qr-approval-details">
                <dt>${msg("trader4QrApprovalDevice")}</dt>
                <dd id="device">${msg(approval.device.key, approval.device.browser, approval.device.system)}</dd>
                <dt>${msg("trader4QrApprovalIpAddress")}</dt>
                <dd id="ip"><bdi>${approval.ipAddress}</bdi></dd>
                <dt>${msg("trader4QrApprovalRequested")}</dt>
                <dd id="requested"><bdi>${approval.requestedAt}</bdi>
                    (<#if approval.secondsAgo lt 60>${msg("trader4QrApprovalSecondsAgo", approval.secondsAgo)}<#else>${msg("trader4QrApprovalMinutesAgo", (approval.secondsAgo / 60)?floor)}</#if>)</dd>
                <dt>${msg("trader4QrApprovalAccount")}</dt>
                <dd id="account"><bdi>${approval.account}</bdi></dd>
            </dl>
            <p class="trader4-qr-approval-hint">${msg("trader4QrApprovalOnlyIfYou")} ${msg("trader4QrApprovalExpiresIn", approval.secondsLeft)}</p>
            <form id="trader4-qr-approval-form" class="${properties.kcFormClass!}" method="post" action="${approval.formAction}">
                <input type="hidden" name="csrf" value="${approval.csrf}"/>
                <button id="approve" name="decision" value="approve" type="submit"
                        class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("trader4QrApprovalApprove")}</button>
                <div class="trader4-qr-approval-warning" role="note">
                    <strong>${msg("trader4QrApprovalNotYou")}</strong> ${msg("trader4QrApprovalNotYouWhy")}
                </div>
                <button id="deny" name="decision" value="deny" type="submit"
                        class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!} trader4-qr-deny">${msg("trader4QrApprovalDeny")}</button>
            </form>
        </div>
        <script type="module" src="${url.resourcesPath}/js/trader4-language-menu.js"></script>
    </#if>
</@layout.registrationLayout>
