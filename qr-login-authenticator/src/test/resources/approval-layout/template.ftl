<#-- Stands in for a login theme's template.ftl: the page's header and form sections, nothing else. -->
<#macro registrationLayout displayMessage=true>
<!DOCTYPE html>
<html><body><h1 id="kc-page-title"><#nested "header"></h1><#nested "form"></body></html>
</#macro>
