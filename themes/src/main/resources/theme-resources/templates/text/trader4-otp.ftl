<#ftl output_format="plainText">
${msg("trader4OtpIntro", realmName)}

${code}

${msg("trader4OtpExpiry", ttlMinutes)}
${msg("trader4OtpNeverShare")}
${msg("trader4OtpIgnore")}
