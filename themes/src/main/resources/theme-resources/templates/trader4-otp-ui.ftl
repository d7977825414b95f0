<#--
  Form pieces of the trader4 OTP pages. Under keycloak.v2 and themes based on it they are the
  theme's own field.ftl and buttons.ftl macros; themes without those (keycloak v1) get plain
  markup with the theme's CSS classes, so the pages render under any login theme.
-->
<#assign v2Field = .get_optional_template("field.ftl")>
<#assign v2Buttons = .get_optional_template("buttons.ftl")>
<#assign v2SocialProviders = .get_optional_template("social-providers.ftl")>
<#assign isV2 = v2Field.exists && v2Buttons.exists>
<#if isV2>
    <#assign field = v2Field.import()>
    <#assign buttons = v2Buttons.import()>
</#if>

<#macro input name label value="" autocomplete="off" autofocus=false>
    <#if isV2>
        <@field.input name=name label=label value=value autocomplete=autocomplete autofocus=autofocus/>
    <#else>
        <#assign error = messagesPerField.get(name)>
        <div class="${properties.kcFormGroupClass!}">
            <div class="${properties.kcLabelWrapperClass!}">
                <label for="${name}" class="${properties.kcLabelClass!}">${label}</label>
            </div>
            <div class="${properties.kcInputWrapperClass!}">
                <input id="${name}" name="${name}" value="${value}" type="text" class="${properties.kcInputClass!}"
                       autocomplete="${autocomplete}" <#if autocomplete == "one-time-code">inputmode="numeric"</#if>
                       <#if autofocus>autofocus</#if> aria-invalid="<#if error?has_content>true</#if>"/>
                <#if error?has_content>
                    <span id="input-error-${name}" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">${error}</span>
                </#if>
            </div>
        </div>
    </#if>
</#macro>

<#-- A read-only text block, newlines kept (a textarea, so it can be selected and copied as is). -->
<#macro readonlyText id label value rows=8>
    <div class="${properties.kcFormGroupClass!}">
        <div class="${properties.kcFormGroupLabelClass!properties.kcLabelWrapperClass!}">
            <label for="${id}" class="${properties.kcFormLabelClass!properties.kcLabelClass!}">${label}</label>
        </div>
        <span class="<#if isV2>${properties.kcInputClass!} pf-m-textarea pf-m-readonly<#else>${properties.kcInputWrapperClass!}</#if>">
            <textarea id="${id}" rows="${rows}" readonly spellcheck="false" autocomplete="off" dir="ltr"
                      class="trader4-wallet-message<#if !isV2> ${properties.kcInputClass!}</#if>">${value}</textarea>
        </span>
    </div>
</#macro>

<#macro primaryButton id name label>
    <#if isV2>
        <@buttons.actionGroup>
            <@buttons.button id=id name=name label=label/>
        </@buttons.actionGroup>
    <#else>
        <div class="${properties.kcFormGroupClass!}">
            <button id="${id}" name="${name}" type="submit"
                    class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg(label)}</button>
        </div>
    </#if>
</#macro>

<#macro identityProviders>
    <#if realm.password && social.providers?? && social.providers?has_content>
        <#if v2SocialProviders.exists>
            <#assign socialProviders = v2SocialProviders.import()>
            <@socialProviders.show social=social/>
        <#else>
            <div id="kc-social-providers" class="${properties.kcFormSocialAccountSectionClass!}">
                <h2>${msg("identity-provider-login-label")}</h2>
                <ul class="${properties.kcFormSocialAccountListClass!}">
                    <#list social.providers as p>
                        <li><a id="social-${p.alias}" class="${properties.kcFormSocialAccountListButtonClass!}" href="${p.loginUrl}">${p.displayName!}</a></li>
                    </#list>
                </ul>
            </div>
        </#if>
    </#if>
</#macro>
