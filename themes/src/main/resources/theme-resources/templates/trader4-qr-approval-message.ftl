<#--
  What the approval page says after a decision, or instead of the question when none can be made
  (trader4-qr-approval.ftl explains how it is rendered).
-->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: trader4-qr-approval-message.ftl -->
    <#if section = "header">
        ${msg(approvalMessage.titleKey)}
    <#elseif section = "form">
        <p id="message" data-outcome="${approvalMessage.outcome}">${msg(approvalMessage.textKey, approvalMessage.argument)}</p>
        <script type="module" src="${url.resourcesPath}/js/trader4-language-menu.js"></script>
    </#if>
</@layout.registrationLayout>
