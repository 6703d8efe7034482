// `mailsetup domain`: each check's findings in plain words (`domain.<check>.<finding>`) and what to do
// (`.fix`), keyed as core/domain-check/*.ts reports them; `{domain}` is the checked domain.

import type { Catalogue } from './catalogue.js';

export const domainCheckMessages: Catalogue = {
  en: {
    'domain.title': 'Domain check for {domain}',
    'domain.summary': '{ok} ok, {warning} warning(s), {missing} missing ({ms} ms).',
    'domain.records': 'Found:',
    'domain.asked': 'Asked: {target}',
    'domain.verdict.ok': 'ok',
    'domain.verdict.warning': 'warning',
    'domain.verdict.missing': 'missing',
    'domain.check.mx': 'MX',
    'domain.check.spf': 'SPF',
    'domain.check.dmarc': 'DMARC',
    'domain.check.mta-sts': 'MTA-STS',
    'domain.check.tls-rpt': 'TLS-RPT',
    'domain.check.autoconfig': 'Autoconfig',
    'domain.check.autodiscover': 'Autodiscover',
    'domain.any.lookup-failed': 'The look-up failed ({reason}), so this could not be checked.',
    'domain.any.lookup-failed.fix':
      "Try again; if it keeps failing, the domain's DNS servers may be down or misconfigured.",
    'domain.any.redirected':
      "{from} sends mail programs on to {to}: they treat these settings as {to}'s word, not {domain}'s, and ask the person before using them.",
    'domain.any.redirected.fix':
      "Publish the settings on {domain}'s own host, without a redirect to another domain (an SRV record for autodiscover should name a host of {domain}, too).",
    'domain.mx.ok': 'Mail for {domain} goes to {hosts}.',
    'domain.mx.missing': '{domain} has no MX record: many senders will not deliver mail to it.',
    'domain.mx.missing.fix':
      "Add MX records that point to your mail provider's servers (your provider lists them).",
    'domain.mx.null': '{domain} declares that it receives no mail at all (null MX, RFC 7505).',
    'domain.mx.null.fix':
      "If people should receive mail at {domain}, replace the null MX with your mail provider's MX records.",
    'domain.mx.unresolvable': 'The MX host(s) {hosts} have no address: mail to them cannot be delivered.',
    'domain.mx.unresolvable.fix':
      'Correct the host name in the MX record, or give that host an address (A/AAAA).',
    'domain.spf.missing':
      'No SPF record: any server can send mail in the name of {domain}, and receivers are more likely to treat your mail as spam.',
    'domain.spf.missing.fix':
      "Publish one TXT record at {domain}, such as: v=spf1 include:<your provider's SPF domain> -all (your provider names the include).",
    'domain.spf.multiple': '{count} SPF records: receivers treat this as an error and use none of them.',
    'domain.spf.multiple.fix': 'Merge them into a single record starting with v=spf1.',
    'domain.spf.hard-fail':
      'SPF lists the servers allowed to send for {domain} and refuses all others (-all).',
    'domain.spf.soft-fail':
      'SPF lists the servers allowed to send for {domain} and marks all others as suspicious (~all); together with DMARC that is fine.',
    'domain.spf.neutral': 'SPF ends with ?all: it says nothing about other senders, so it protects nothing.',
    'domain.spf.neutral.fix': 'End the record with -all (or ~all).',
    'domain.spf.pass-all': 'SPF allows every server in the world to send mail for {domain} (+all).',
    'domain.spf.pass-all.fix': 'List your real senders, then replace +all with -all (or ~all).',
    'domain.spf.redirect': 'SPF defers to the record of {target}.',
    'domain.spf.no-all': 'SPF does not end with -all or ~all: mail from other servers is not judged.',
    'domain.spf.no-all.fix': 'Add -all (or ~all) at the end of the record.',
    'domain.spf.too-many-lookups':
      'SPF needs at least {count} DNS look-ups (nested includes not counted); receivers stop at {limit} and treat the record as an error.',
    'domain.spf.too-many-lookups.fix':
      'Remove includes of services you no longer use, or ask your provider for a single combined include.',
    'domain.dmarc.missing':
      'No DMARC record at _dmarc.{domain}: receivers have no instruction for mail that forges {domain}.',
    'domain.dmarc.missing.fix':
      'Publish a TXT record at _dmarc.{domain}, to start with: v=DMARC1; p=none; rua=mailto:dmarc-reports@{domain}. When the reports show that your real mail passes, change p=none to p=quarantine, later to p=reject.',
    'domain.dmarc.multiple': '{count} DMARC records: receivers treat this as an error and use none of them.',
    'domain.dmarc.multiple.fix': 'Keep a single record starting with v=DMARC1.',
    'domain.dmarc.reject': 'DMARC tells receivers to refuse mail that forges {domain} (p=reject).',
    'domain.dmarc.quarantine':
      'DMARC tells receivers to put mail that forges {domain} into spam (p=quarantine).',
    'domain.dmarc.none': 'DMARC only watches (p=none): mail that forges {domain} is still delivered.',
    'domain.dmarc.none.fix':
      'When the reports show that all your real mail passes, change p=none to p=quarantine, later to p=reject.',
    'domain.dmarc.no-policy': 'The DMARC record has no valid p= policy, so receivers ignore it.',
    'domain.dmarc.no-policy.fix': 'Add p=none, p=quarantine or p=reject.',
    'domain.dmarc.partial': 'DMARC applies to only {percent}% of the mail that fails (pct={percent}).',
    'domain.dmarc.partial.fix': 'Remove pct= (or set pct=100) once you are sure.',
    'domain.dmarc.no-reports': 'No report address (rua=): you will not learn who sends mail in your name.',
    'domain.dmarc.inherited': '{domain} has no record of its own; the one of {organisation} applies.',
    'domain.mta-sts.missing':
      'No MTA-STS: senders deliver to {domain} encrypted when they can, but an attacker on the way can switch the encryption off.',
    'domain.mta-sts.missing.fix':
      'Publish a policy at https://mta-sts.{domain}/.well-known/mta-sts.txt (version: STSv1, mode: testing, one "mx:" line per MX host, max_age: 604800) and a TXT record at _mta-sts.{domain}: v=STSv1; id=20250101. Switch to mode: enforce once the TLS-RPT reports look right.',
    'domain.mta-sts.enforce': 'MTA-STS makes senders deliver only encrypted, to {mx}.',
    'domain.mta-sts.testing':
      'MTA-STS is in testing mode: failures are reported, but mail is still delivered when encryption fails.',
    'domain.mta-sts.testing.fix': 'Switch to mode: enforce once the TLS-RPT reports show no failures.',
    'domain.mta-sts.mode-none': 'MTA-STS is switched off (mode: none).',
    'domain.mta-sts.mode-none.fix': 'Use mode: testing, then mode: enforce.',
    'domain.mta-sts.policy-unreachable':
      'The TXT record announces MTA-STS, but the policy cannot be fetched ({reason}), so senders ignore it.',
    'domain.mta-sts.policy-unreachable.fix':
      'Serve the policy at https://mta-sts.{domain}/.well-known/mta-sts.txt, without redirects, with a valid certificate for mta-sts.{domain}.',
    'domain.mta-sts.policy-invalid':
      'The MTA-STS policy is not valid (needs {problems}), so senders ignore it.',
    'domain.mta-sts.policy-invalid.fix':
      'Correct the policy file: version: STSv1, mode: enforce/testing/none, one "mx:" line per MX host, max_age in seconds.',
    'domain.mta-sts.no-txt':
      'The policy file exists, but there is no TXT record at _mta-sts.{domain}, so senders never look for it.',
    'domain.mta-sts.no-txt.fix':
      'Add a TXT record at _mta-sts.{domain}: v=STSv1; id=<a new value each time the policy changes>.',
    'domain.mta-sts.txt-multiple': '{count} MTA-STS TXT records: senders use none of them.',
    'domain.mta-sts.txt-multiple.fix': 'Keep a single record starting with v=STSv1.',
    'domain.mta-sts.txt-no-id':
      'The TXT record at _mta-sts.{domain} has no id=, so senders cannot tell when the policy changes.',
    'domain.mta-sts.txt-no-id.fix': 'Add id= with a new value each time the policy changes, e.g. the date.',
    'domain.mta-sts.mx-not-covered':
      'The policy does not list the MX host(s) {hosts}: with mode enforce, senders refuse to deliver to them.',
    'domain.mta-sts.mx-not-covered.fix':
      'Add "mx:" lines for these hosts to the policy, and change the id= of the TXT record.',
    'domain.tls-rpt.ok': 'Failures of encrypted delivery are reported to {rua}.',
    'domain.tls-rpt.missing':
      'No TLS-RPT record: you will not hear when senders cannot deliver to {domain} encrypted.',
    'domain.tls-rpt.missing.fix':
      'Publish a TXT record at _smtp._tls.{domain}: v=TLSRPTv1; rua=mailto:tls-reports@{domain}',
    'domain.tls-rpt.multiple': '{count} TLS-RPT records: senders use none of them.',
    'domain.tls-rpt.multiple.fix': 'Keep a single record starting with v=TLSRPTv1.',
    'domain.tls-rpt.no-rua':
      'The TLS-RPT record has no valid rua= address (mailto: or https:), so no report can be sent.',
    'domain.tls-rpt.no-rua.fix':
      'Add rua=mailto:tls-reports@{domain} (or an https:// address that accepts reports).',
    'domain.autoconfig.ok': 'Thunderbird and other mail programs find the settings: {servers}.',
    'domain.autoconfig.missing':
      'No autoconfig file: Thunderbird and other mail programs have to guess the settings or ask the person.',
    'domain.autoconfig.missing.fix':
      'Publish your settings at https://autoconfig.{domain}/mail/config-v1.1.xml ("mailsetup export --format thunderbird" makes the file).',
    'domain.autoconfig.broken': '{url} answers, but cannot be used ({reason}).',
    'domain.autoconfig.broken.fix':
      'Give the host a valid certificate for its name and serve the file over HTTPS (TLS 1.2 or newer).',
    'domain.autodiscover.ok': 'Outlook finds the settings: {servers}.',
    'domain.autodiscover.missing':
      'No autodiscover: Outlook cannot find the settings by itself and asks the person.',
    'domain.autodiscover.missing.fix':
      'Publish https://autodiscover.{domain}/autodiscover/autodiscover.xml ("mailsetup export --format autodiscover" makes the answer), or point an SRV record _autodiscover._tcp.{domain} at your provider\'s.',
    'domain.autodiscover.broken': '{url} answers, but cannot be used ({reason}).',
    'domain.autodiscover.broken.fix':
      'Give the host a valid certificate for its name and serve autodiscover over HTTPS (TLS 1.2 or newer).',
    'domain.check.pacc': 'PACC',
    'domain.pacc.ok': 'Mail programs that speak PACC find verified settings: {servers}.',
    'domain.pacc.missing':
      'No PACC configuration (draft-ietf-mailmaint-pacc-04): newer mail programs fall back to other ways of finding the settings.',
    'domain.pacc.missing.fix':
      'Optional: publish the settings as JSON at https://ua-auto-config.{domain}/.well-known/user-agent-configuration.json and its SHA-256 digest in a TXT record at _ua-auto-config.{domain}.',
    'domain.pacc.digest-missing':
      '{url} answers, but no TXT record at _ua-auto-config.{domain} vouches for it, so mail programs must not use it.',
    'domain.pacc.digest-missing.fix': 'Publish this TXT record at _ua-auto-config.{domain}: {txt}',
    'domain.pacc.digest-mismatch':
      'The TXT record at _ua-auto-config.{domain} does not match the bytes {url} serves (changed file, or old record), so mail programs must not use it.',
    'domain.pacc.digest-mismatch.fix':
      'Publish the digest of the file as served: {txt} (during a change, keep the old and the new record side by side).',
    'domain.pacc.broken':
      'A PACC record is published, but the configuration cannot be used ({reason}: {detail}).',
    'domain.pacc.broken.fix':
      'Serve the JSON directly over HTTPS (TLS 1.2 or newer, a valid certificate for ua-auto-config.{domain}, no redirect), with an imap or pop3 server and a login method.',
    'domain.cli.bad-domain': '"{value}" is not a domain name such as example.com.',
    'domain.cli.missing': 'Please give a domain, e.g. mailsetup domain example.org',
    'cli.domain.usage':
      'Usage:\n  mailsetup domain <domain> [--json] [--dns HOST[:PORT]] [--timeout SECONDS] [--lang de|en]\n\nChecks how a mail domain is set up: MX, SPF, DMARC, MTA-STS, TLS-RPT, and the settings it publishes for\nmail programs (autoconfig, autodiscover, PACC). Each check gets a verdict (ok, warning, missing) and the fix.\n\nExit codes: 0 the check ran (the verdicts are in the output), 1 internal error, 2 bad domain or usage.',
  },
  de: {
    'domain.title': 'Domain-Prüfung für {domain}',
    'domain.summary': '{ok} in Ordnung, {warning} Warnung(en), {missing} fehlt/fehlen ({ms} ms).',
    'domain.records': 'Gefunden:',
    'domain.asked': 'Abgefragt: {target}',
    'domain.verdict.ok': 'in Ordnung',
    'domain.verdict.warning': 'Warnung',
    'domain.verdict.missing': 'fehlt',
    'domain.check.mx': 'MX',
    'domain.check.spf': 'SPF',
    'domain.check.dmarc': 'DMARC',
    'domain.check.mta-sts': 'MTA-STS',
    'domain.check.tls-rpt': 'TLS-RPT',
    'domain.check.autoconfig': 'Autoconfig',
    'domain.check.autodiscover': 'Autodiscover',
    'domain.any.lookup-failed':
      'Die Abfrage ist fehlgeschlagen ({reason}), daher konnte dies nicht geprüft werden.',
    'domain.any.lookup-failed.fix':
      'Versuchen Sie es erneut; schlägt es weiter fehl, sind die DNS-Server der Domain möglicherweise gestört oder falsch eingerichtet.',
    'domain.any.redirected':
      '{from} leitet E-Mail-Programme an {to} weiter: Sie behandeln diese Einstellungen als Angabe von {to}, nicht von {domain}, und fragen die Person, bevor sie sie verwenden.',
    'domain.any.redirected.fix':
      'Veröffentlichen Sie die Einstellungen auf einem Server von {domain}, ohne Weiterleitung zu einer anderen Domain (auch ein SRV-Eintrag für Autodiscover sollte einen Server von {domain} nennen).',
    'domain.mx.ok': 'E-Mails an {domain} gehen an {hosts}.',
    'domain.mx.missing': '{domain} hat keinen MX-Eintrag: Viele Absender stellen dorthin keine E-Mails zu.',
    'domain.mx.missing.fix':
      'Legen Sie MX-Einträge an, die auf die Server Ihres E-Mail-Anbieters zeigen (Ihr Anbieter nennt sie).',
    'domain.mx.null': '{domain} erklärt, überhaupt keine E-Mails zu empfangen (Null-MX, RFC 7505).',
    'domain.mx.null.fix':
      'Wenn unter {domain} E-Mails ankommen sollen, ersetzen Sie den Null-MX durch die MX-Einträge Ihres E-Mail-Anbieters.',
    'domain.mx.unresolvable':
      'Die MX-Server {hosts} haben keine Adresse: E-Mails an sie können nicht zugestellt werden.',
    'domain.mx.unresolvable.fix':
      'Korrigieren Sie den Servernamen im MX-Eintrag oder geben Sie dem Server eine Adresse (A/AAAA).',
    'domain.spf.missing':
      'Kein SPF-Eintrag: Jeder Server kann im Namen von {domain} E-Mails senden, und Empfänger stufen Ihre E-Mails eher als Spam ein.',
    'domain.spf.missing.fix':
      'Veröffentlichen Sie einen TXT-Eintrag bei {domain}, etwa: v=spf1 include:<SPF-Domain Ihres Anbieters> -all (Ihr Anbieter nennt das include).',
    'domain.spf.multiple':
      '{count} SPF-Einträge: Empfänger werten das als Fehler und verwenden keinen davon.',
    'domain.spf.multiple.fix': 'Fassen Sie sie zu einem einzigen Eintrag zusammen, der mit v=spf1 beginnt.',
    'domain.spf.hard-fail':
      'SPF nennt die Server, die für {domain} senden dürfen, und weist alle anderen ab (-all).',
    'domain.spf.soft-fail':
      'SPF nennt die Server, die für {domain} senden dürfen, und markiert alle anderen als verdächtig (~all); zusammen mit DMARC ist das in Ordnung.',
    'domain.spf.neutral': 'SPF endet mit ?all: Es sagt nichts über andere Absender und schützt daher nicht.',
    'domain.spf.neutral.fix': 'Beenden Sie den Eintrag mit -all (oder ~all).',
    'domain.spf.pass-all': 'SPF erlaubt jedem Server der Welt, E-Mails für {domain} zu senden (+all).',
    'domain.spf.pass-all.fix':
      'Tragen Sie Ihre tatsächlichen Absender ein und ersetzen Sie dann +all durch -all (oder ~all).',
    'domain.spf.redirect': 'SPF verweist auf den Eintrag von {target}.',
    'domain.spf.no-all': 'SPF endet nicht mit -all oder ~all: E-Mails anderer Server werden nicht bewertet.',
    'domain.spf.no-all.fix': 'Ergänzen Sie -all (oder ~all) am Ende des Eintrags.',
    'domain.spf.too-many-lookups':
      'SPF braucht mindestens {count} DNS-Abfragen (verschachtelte includes nicht mitgezählt); Empfänger hören nach {limit} auf und werten den Eintrag als Fehler.',
    'domain.spf.too-many-lookups.fix':
      'Entfernen Sie includes von Diensten, die Sie nicht mehr nutzen, oder fragen Sie Ihren Anbieter nach einem zusammengefassten include.',
    'domain.dmarc.missing':
      'Kein DMARC-Eintrag bei _dmarc.{domain}: Empfänger wissen nicht, was mit E-Mails geschehen soll, die {domain} fälschen.',
    'domain.dmarc.missing.fix':
      'Veröffentlichen Sie einen TXT-Eintrag bei _dmarc.{domain}, für den Anfang: v=DMARC1; p=none; rua=mailto:dmarc-reports@{domain}. Wenn die Berichte zeigen, dass Ihre echten E-Mails bestehen, ändern Sie p=none in p=quarantine, später in p=reject.',
    'domain.dmarc.multiple':
      '{count} DMARC-Einträge: Empfänger werten das als Fehler und verwenden keinen davon.',
    'domain.dmarc.multiple.fix': 'Behalten Sie einen einzigen Eintrag, der mit v=DMARC1 beginnt.',
    'domain.dmarc.reject': 'DMARC weist Empfänger an, E-Mails abzulehnen, die {domain} fälschen (p=reject).',
    'domain.dmarc.quarantine':
      'DMARC weist Empfänger an, E-Mails, die {domain} fälschen, in den Spam-Ordner zu legen (p=quarantine).',
    'domain.dmarc.none':
      'DMARC beobachtet nur (p=none): E-Mails, die {domain} fälschen, werden weiter zugestellt.',
    'domain.dmarc.none.fix':
      'Wenn die Berichte zeigen, dass alle Ihre echten E-Mails bestehen, ändern Sie p=none in p=quarantine, später in p=reject.',
    'domain.dmarc.no-policy':
      'Der DMARC-Eintrag hat keine gültige p=-Richtlinie, daher ignorieren Empfänger ihn.',
    'domain.dmarc.no-policy.fix': 'Ergänzen Sie p=none, p=quarantine oder p=reject.',
    'domain.dmarc.partial': 'DMARC gilt nur für {percent} % der E-Mails, die durchfallen (pct={percent}).',
    'domain.dmarc.partial.fix': 'Entfernen Sie pct= (oder setzen Sie pct=100), sobald Sie sicher sind.',
    'domain.dmarc.no-reports':
      'Keine Berichtsadresse (rua=): Sie erfahren nicht, wer in Ihrem Namen E-Mails sendet.',
    'domain.dmarc.inherited': '{domain} hat keinen eigenen Eintrag; es gilt der von {organisation}.',
    'domain.mta-sts.missing':
      'Kein MTA-STS: Absender stellen an {domain} verschlüsselt zu, wenn sie können, aber ein Angreifer unterwegs kann die Verschlüsselung abschalten.',
    'domain.mta-sts.missing.fix':
      'Veröffentlichen Sie eine Richtlinie unter https://mta-sts.{domain}/.well-known/mta-sts.txt (version: STSv1, mode: testing, je MX-Server eine Zeile „mx:“, max_age: 604800) und einen TXT-Eintrag bei _mta-sts.{domain}: v=STSv1; id=20250101. Stellen Sie auf mode: enforce um, sobald die TLS-RPT-Berichte in Ordnung sind.',
    'domain.mta-sts.enforce': 'MTA-STS sorgt dafür, dass Absender nur verschlüsselt zustellen, an {mx}.',
    'domain.mta-sts.testing':
      'MTA-STS ist im Testmodus: Fehler werden gemeldet, aber E-Mails werden auch zugestellt, wenn die Verschlüsselung scheitert.',
    'domain.mta-sts.testing.fix':
      'Stellen Sie auf mode: enforce um, sobald die TLS-RPT-Berichte keine Fehler zeigen.',
    'domain.mta-sts.mode-none': 'MTA-STS ist abgeschaltet (mode: none).',
    'domain.mta-sts.mode-none.fix': 'Verwenden Sie mode: testing, danach mode: enforce.',
    'domain.mta-sts.policy-unreachable':
      'Der TXT-Eintrag kündigt MTA-STS an, aber die Richtlinie ist nicht abrufbar ({reason}), daher ignorieren Absender sie.',
    'domain.mta-sts.policy-unreachable.fix':
      'Stellen Sie die Richtlinie unter https://mta-sts.{domain}/.well-known/mta-sts.txt bereit, ohne Weiterleitung und mit einem gültigen Zertifikat für mta-sts.{domain}.',
    'domain.mta-sts.policy-invalid':
      'Die MTA-STS-Richtlinie ist ungültig (es fehlt: {problems}), daher ignorieren Absender sie.',
    'domain.mta-sts.policy-invalid.fix':
      'Korrigieren Sie die Richtliniendatei: version: STSv1, mode: enforce/testing/none, je MX-Server eine Zeile „mx:“, max_age in Sekunden.',
    'domain.mta-sts.no-txt':
      'Die Richtliniendatei ist vorhanden, aber es gibt keinen TXT-Eintrag bei _mta-sts.{domain}, daher fragen Absender nie danach.',
    'domain.mta-sts.no-txt.fix':
      'Legen Sie einen TXT-Eintrag bei _mta-sts.{domain} an: v=STSv1; id=<bei jeder Änderung der Richtlinie ein neuer Wert>.',
    'domain.mta-sts.txt-multiple': '{count} MTA-STS-TXT-Einträge: Absender verwenden keinen davon.',
    'domain.mta-sts.txt-multiple.fix': 'Behalten Sie einen einzigen Eintrag, der mit v=STSv1 beginnt.',
    'domain.mta-sts.txt-no-id':
      'Der TXT-Eintrag bei _mta-sts.{domain} hat kein id=, daher merken Absender nicht, wenn sich die Richtlinie ändert.',
    'domain.mta-sts.txt-no-id.fix':
      'Ergänzen Sie id= mit einem neuen Wert bei jeder Änderung, etwa dem Datum.',
    'domain.mta-sts.mx-not-covered':
      'Die Richtlinie nennt die MX-Server {hosts} nicht: Mit mode: enforce stellen Absender an sie nicht zu.',
    'domain.mta-sts.mx-not-covered.fix':
      'Ergänzen Sie für diese Server Zeilen „mx:“ in der Richtlinie und ändern Sie das id= im TXT-Eintrag.',
    'domain.tls-rpt.ok': 'Fehler bei der verschlüsselten Zustellung werden an {rua} gemeldet.',
    'domain.tls-rpt.missing':
      'Kein TLS-RPT-Eintrag: Sie erfahren nicht, wenn Absender nicht verschlüsselt an {domain} zustellen können.',
    'domain.tls-rpt.missing.fix':
      'Veröffentlichen Sie einen TXT-Eintrag bei _smtp._tls.{domain}: v=TLSRPTv1; rua=mailto:tls-reports@{domain}',
    'domain.tls-rpt.multiple': '{count} TLS-RPT-Einträge: Absender verwenden keinen davon.',
    'domain.tls-rpt.multiple.fix': 'Behalten Sie einen einzigen Eintrag, der mit v=TLSRPTv1 beginnt.',
    'domain.tls-rpt.no-rua':
      'Der TLS-RPT-Eintrag hat keine gültige rua=-Adresse (mailto: oder https:), daher kann kein Bericht gesendet werden.',
    'domain.tls-rpt.no-rua.fix':
      'Ergänzen Sie rua=mailto:tls-reports@{domain} (oder eine https://-Adresse, die Berichte annimmt).',
    'domain.autoconfig.ok': 'Thunderbird und andere E-Mail-Programme finden die Einstellungen: {servers}.',
    'domain.autoconfig.missing':
      'Keine Autoconfig-Datei: Thunderbird und andere E-Mail-Programme müssen die Einstellungen raten oder erfragen.',
    'domain.autoconfig.missing.fix':
      'Veröffentlichen Sie Ihre Einstellungen unter https://autoconfig.{domain}/mail/config-v1.1.xml („mailsetup export --format thunderbird“ erstellt die Datei).',
    'domain.autoconfig.broken': '{url} antwortet, ist aber nicht verwendbar ({reason}).',
    'domain.autoconfig.broken.fix':
      'Geben Sie dem Server ein gültiges Zertifikat für seinen Namen und stellen Sie die Datei über HTTPS bereit (TLS 1.2 oder neuer).',
    'domain.autodiscover.ok': 'Outlook findet die Einstellungen: {servers}.',
    'domain.autodiscover.missing':
      'Kein Autodiscover: Outlook findet die Einstellungen nicht selbst und fragt die Person danach.',
    'domain.autodiscover.missing.fix':
      'Veröffentlichen Sie https://autodiscover.{domain}/autodiscover/autodiscover.xml („mailsetup export --format autodiscover“ erstellt die Antwort) oder lassen Sie einen SRV-Eintrag _autodiscover._tcp.{domain} auf den Ihres Anbieters zeigen.',
    'domain.autodiscover.broken': '{url} antwortet, ist aber nicht verwendbar ({reason}).',
    'domain.autodiscover.broken.fix':
      'Geben Sie dem Server ein gültiges Zertifikat für seinen Namen und stellen Sie Autodiscover über HTTPS bereit (TLS 1.2 oder neuer).',
    'domain.check.pacc': 'PACC',
    'domain.pacc.ok': 'E-Mail-Programme, die PACC können, finden geprüfte Einstellungen: {servers}.',
    'domain.pacc.missing':
      'Keine PACC-Konfiguration (draft-ietf-mailmaint-pacc-04): neuere E-Mail-Programme suchen die Einstellungen auf anderen Wegen.',
    'domain.pacc.missing.fix':
      'Optional: Veröffentlichen Sie die Einstellungen als JSON unter https://ua-auto-config.{domain}/.well-known/user-agent-configuration.json und ihren SHA-256-Hashwert in einem TXT-Eintrag unter _ua-auto-config.{domain}.',
    'domain.pacc.digest-missing':
      '{url} antwortet, aber kein TXT-Eintrag unter _ua-auto-config.{domain} bestätigt die Datei; E-Mail-Programme dürfen sie daher nicht verwenden.',
    'domain.pacc.digest-missing.fix':
      'Veröffentlichen Sie diesen TXT-Eintrag unter _ua-auto-config.{domain}: {txt}',
    'domain.pacc.digest-mismatch':
      'Der TXT-Eintrag unter _ua-auto-config.{domain} passt nicht zu den Bytes, die {url} ausliefert (Datei geändert oder alter Eintrag); E-Mail-Programme dürfen sie daher nicht verwenden.',
    'domain.pacc.digest-mismatch.fix':
      'Veröffentlichen Sie den Hashwert der ausgelieferten Datei: {txt} (während einer Änderung den alten und den neuen Eintrag nebeneinander).',
    'domain.pacc.broken':
      'Ein PACC-Eintrag ist veröffentlicht, aber die Konfiguration ist nicht verwendbar ({reason}: {detail}).',
    'domain.pacc.broken.fix':
      'Liefern Sie das JSON direkt über HTTPS aus (TLS 1.2 oder neuer, ein gültiges Zertifikat für ua-auto-config.{domain}, keine Umleitung), mit einem IMAP- oder POP3-Server und einer Anmeldeart.',
    'domain.cli.bad-domain': '„{value}“ ist kein Domainname wie example.com.',
    'domain.cli.missing': 'Bitte geben Sie eine Domain an, z. B. mailsetup domain example.org',
    'cli.domain.usage':
      'Aufruf:\n  mailsetup domain <domain> [--json] [--dns HOST[:PORT]] [--timeout SEKUNDEN] [--lang de|en]\n\nPrüft, wie eine E-Mail-Domain eingerichtet ist: MX, SPF, DMARC, MTA-STS, TLS-RPT und die Einstellungen, die sie\nfür E-Mail-Programme veröffentlicht (Autoconfig, Autodiscover). Jede Prüfung erhält ein Urteil (in Ordnung, Warnung,\nfehlt) und die Abhilfe.\n\nExit-Codes: 0 Prüfung gelaufen (die Urteile stehen in der Ausgabe), 1 interner Fehler, 2 ungültige Domain oder Aufruf.',
  },
};
