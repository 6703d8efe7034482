// Saved passwords and password help: strength reasons (our own rules and zxcvbn's feedback keys, in our
// words) and the `mailsetup keychain` command. keychain-unavailable's wording lives in errors.ts.

import type { Catalogue } from './catalogue.js';

export const secretsMessages: Catalogue = {
  en: {
    'secrets.strength.too-short':
      'It has fewer than {min} characters: short passwords fall to programs that simply try every combination.',
    'secrets.strength.contains-address':
      'It contains your e-mail address or its name part, which everyone who writes to you knows.',
    'secrets.strength.contains-label': 'It contains the name you gave this password.',
    'secrets.strength.easy-to-guess':
      'Programs that try common passwords and patterns would guess it quickly.',
    'secrets.strength.warning.straightRow':
      'Keys in a row on the keyboard, like "qwerty", are easy to guess.',
    'secrets.strength.warning.keyPattern': 'Short keyboard patterns are easy to guess.',
    'secrets.strength.warning.simpleRepeat': 'Repeated characters, like "aaa", are easy to guess.',
    'secrets.strength.warning.extendedRepeat':
      'Repeated groups of characters, like "abcabcabc", are easy to guess.',
    'secrets.strength.warning.sequences': 'Sequences, like "abc" or "1234", are easy to guess.',
    'secrets.strength.warning.recentYears': 'Recent years are easy to guess.',
    'secrets.strength.warning.dates': 'Dates are easy to guess.',
    'secrets.strength.warning.topTen': 'This is one of the ten most used passwords.',
    'secrets.strength.warning.topHundred': 'This is one of the hundred most used passwords.',
    'secrets.strength.warning.common': 'This is a commonly used password.',
    'secrets.strength.warning.similarToCommon': 'This is very like a commonly used password.',
    'secrets.strength.warning.wordByItself': 'A single word is easy to guess.',
    'secrets.strength.warning.namesByThemselves': 'A single first or last name is easy to guess.',
    'secrets.strength.warning.commonNames': 'Common first and last names are easy to guess.',
    'secrets.strength.warning.userInputs':
      'It contains details about you or this account that are easy to guess.',
    'secrets.strength.warning.pwned': 'This password has appeared in a data leak on the internet.',
    'secrets.strength.suggestion.l33t': 'Swapping letters for look-alikes, like @ for a, hardly helps.',
    'secrets.strength.suggestion.reverseWords': 'Writing a common word backwards hardly helps.',
    'secrets.strength.suggestion.allUppercase': 'Use capitals for some letters, not all.',
    'secrets.strength.suggestion.capitalization': 'Use capitals for more than the first letter.',
    'secrets.strength.suggestion.dates': 'Avoid dates that have to do with you.',
    'secrets.strength.suggestion.recentYears': 'Avoid recent years.',
    'secrets.strength.suggestion.associatedYears': 'Avoid years that have to do with you.',
    'secrets.strength.suggestion.sequences': 'Avoid sequences like "abc" or "123".',
    'secrets.strength.suggestion.repeated': 'Avoid repeated words and characters.',
    'secrets.strength.suggestion.longerKeyboardPattern':
      'Keyboard patterns only help when they are long and change direction often.',
    'secrets.strength.suggestion.anotherWord': 'Add more words, preferably unusual ones.',
    'secrets.strength.suggestion.useWords': 'Use several words, but not a well-known phrase.',
    'secrets.strength.suggestion.noNeed':
      'A strong password needs no symbols, digits or capitals: length matters most.',
    'secrets.strength.suggestion.pwned': 'If you use this password anywhere else, change it there.',
    'secrets.strength.suggestion.generator': 'Let MailSetup Assistant make a strong password for you.',

    'secrets.label.empty':
      'The label is empty: name the device and program, e.g. "Outlook on the office PC".',
    'secrets.label.too-long': 'The label is longer than {max} characters.',
    'secrets.label.control-characters': 'The label contains line breaks or invisible control characters.',

    'secrets.cli.usage':
      'Usage:\n  mailsetup keychain list [--json] [--lang de|en]\n  mailsetup keychain set <address> [--label TEXT] --password-stdin [--json] [--lang de|en]\n  mailsetup keychain delete <address> [--label TEXT] [--json] [--lang de|en]\n  mailsetup keychain rename <address> [--label OLD] --to NEW [--replace] [--json] [--lang de|en]\n\nThe password comes from standard input, never from the command line. Without --label the label is "{label}". rename keeps the password and gives it the new label; --replace lets it take the label of another saved password, which is then gone.\nExit codes: 0 done (also when there was nothing to delete), 1 password store not available or internal error, 2 bad input (also: nothing to rename, or the new label is taken).',
    'secrets.cli.missing-subcommand':
      'Please say what to do: mailsetup keychain list, set, delete or rename.',
    'secrets.cli.missing-to':
      'Please give the new label, e.g. mailsetup keychain rename you@example.org --label "Old name" --to "Outlook on the office PC"',
    'secrets.cli.unknown-subcommand':
      'Unknown command "keychain {command}": use list, set, delete or rename.',
    'secrets.cli.missing-address':
      'Please give the e-mail address, e.g. mailsetup keychain {command} you@example.org',
    'secrets.cli.too-many-arguments':
      'Too many arguments. A password is never given on the command line: pipe it in with --password-stdin.',
    'secrets.cli.password-argument':
      'A password is never given on the command line, where other programs can read it. Pipe it in and add --password-stdin.',
    'secrets.cli.missing-password-stdin':
      'Please pipe the password in and add --password-stdin, e.g. ... | mailsetup keychain set you@example.org --password-stdin',
    'secrets.cli.password.empty': 'No password arrived on standard input.',
    'secrets.cli.password.not-text': 'The password on standard input is not valid UTF-8 text.',
    'secrets.cli.saved':
      'Saved the password for {address} (label "{label}") in the system\'s password store.',
    'secrets.cli.replaced': 'Replaced the saved password for {address} (label "{label}").',
    'secrets.cli.deleted': 'Deleted the saved password for {address} (label "{label}").',
    'secrets.cli.renamed': 'Renamed the saved password for {address}: "{from}" is now "{label}".',
    'secrets.cli.renamed-replacing':
      'Renamed the saved password for {address}: "{from}" is now "{label}"; the password saved earlier as "{label}" is gone.',
    'secrets.cli.not-found':
      'No password is saved for {address} (label "{label}"); there was nothing to delete.',
    'secrets.cli.list-title': 'Passwords saved by MailSetup Assistant ({count}):',
    'secrets.cli.list-empty': 'MailSetup Assistant has not saved any passwords for you on this computer.',
    'secrets.cli.list-saved': 'saved {date}',
    'secrets.cli.list-servers': 'servers: {hosts}',
  },
  de: {
    'secrets.strength.too-short':
      'Es hat weniger als {min} Zeichen: Kurze Passwörter knacken Programme, die einfach alle Kombinationen ausprobieren.',
    'secrets.strength.contains-address':
      'Es enthält Ihre E-Mail-Adresse oder deren Namensteil, den jeder kennt, der Ihnen schreibt.',
    'secrets.strength.contains-label': 'Es enthält den Namen, den Sie diesem Passwort gegeben haben.',
    'secrets.strength.easy-to-guess':
      'Programme, die gängige Passwörter und Muster ausprobieren, würden es schnell erraten.',
    'secrets.strength.warning.straightRow':
      'Tasten, die auf der Tastatur nebeneinander liegen, wie „qwertz“, sind leicht zu erraten.',
    'secrets.strength.warning.keyPattern': 'Kurze Tastaturmuster sind leicht zu erraten.',
    'secrets.strength.warning.simpleRepeat': 'Wiederholte Zeichen wie „aaa“ sind leicht zu erraten.',
    'secrets.strength.warning.extendedRepeat':
      'Wiederholte Zeichengruppen wie „abcabcabc“ sind leicht zu erraten.',
    'secrets.strength.warning.sequences': 'Folgen wie „abc“ oder „1234“ sind leicht zu erraten.',
    'secrets.strength.warning.recentYears': 'Jahreszahlen der letzten Jahre sind leicht zu erraten.',
    'secrets.strength.warning.dates': 'Datumsangaben sind leicht zu erraten.',
    'secrets.strength.warning.topTen': 'Das ist eines der zehn meistverwendeten Passwörter.',
    'secrets.strength.warning.topHundred': 'Das ist eines der hundert meistverwendeten Passwörter.',
    'secrets.strength.warning.common': 'Das ist ein häufig verwendetes Passwort.',
    'secrets.strength.warning.similarToCommon': 'Das ähnelt stark einem häufig verwendeten Passwort.',
    'secrets.strength.warning.wordByItself': 'Ein einzelnes Wort ist leicht zu erraten.',
    'secrets.strength.warning.namesByThemselves': 'Ein einzelner Vor- oder Nachname ist leicht zu erraten.',
    'secrets.strength.warning.commonNames': 'Gängige Vor- und Nachnamen sind leicht zu erraten.',
    'secrets.strength.warning.userInputs':
      'Es enthält Angaben zu Ihnen oder zu diesem Konto, die leicht zu erraten sind.',
    'secrets.strength.warning.pwned': 'Dieses Passwort ist bei einem Datenleck im Internet aufgetaucht.',
    'secrets.strength.suggestion.l33t':
      'Buchstaben durch ähnliche Zeichen zu ersetzen, etwa @ für a, hilft kaum.',
    'secrets.strength.suggestion.reverseWords': 'Ein gängiges Wort rückwärts zu schreiben, hilft kaum.',
    'secrets.strength.suggestion.allUppercase': 'Schreiben Sie einige Buchstaben groß, aber nicht alle.',
    'secrets.strength.suggestion.capitalization': 'Schreiben Sie mehr als nur den ersten Buchstaben groß.',
    'secrets.strength.suggestion.dates': 'Vermeiden Sie Daten, die mit Ihnen zu tun haben.',
    'secrets.strength.suggestion.recentYears': 'Vermeiden Sie Jahreszahlen der letzten Jahre.',
    'secrets.strength.suggestion.associatedYears': 'Vermeiden Sie Jahreszahlen, die mit Ihnen zu tun haben.',
    'secrets.strength.suggestion.sequences': 'Vermeiden Sie Folgen wie „abc“ oder „123“.',
    'secrets.strength.suggestion.repeated': 'Vermeiden Sie wiederholte Wörter und Zeichen.',
    'secrets.strength.suggestion.longerKeyboardPattern':
      'Tastaturmuster helfen nur, wenn sie lang sind und oft die Richtung wechseln.',
    'secrets.strength.suggestion.anotherWord': 'Fügen Sie weitere Wörter hinzu, am besten ungewöhnliche.',
    'secrets.strength.suggestion.useWords': 'Verwenden Sie mehrere Wörter, aber keine bekannte Redewendung.',
    'secrets.strength.suggestion.noNeed':
      'Ein starkes Passwort braucht keine Sonderzeichen, Ziffern oder Großbuchstaben: Auf die Länge kommt es an.',
    'secrets.strength.suggestion.pwned': 'Falls Sie dieses Passwort anderswo verwenden, ändern Sie es dort.',
    'secrets.strength.suggestion.generator':
      'Lassen Sie MailSetup Assistant ein starkes Passwort für Sie erzeugen.',

    'secrets.label.empty':
      'Die Bezeichnung ist leer: Nennen Sie Gerät und Programm, z. B. „Outlook auf dem Büro-PC“.',
    'secrets.label.too-long': 'Die Bezeichnung ist länger als {max} Zeichen.',
    'secrets.label.control-characters':
      'Die Bezeichnung enthält Zeilenumbrüche oder unsichtbare Steuerzeichen.',

    'secrets.cli.usage':
      'Aufruf:\n  mailsetup keychain list [--json] [--lang de|en]\n  mailsetup keychain set <adresse> [--label TEXT] --password-stdin [--json] [--lang de|en]\n  mailsetup keychain delete <adresse> [--label TEXT] [--json] [--lang de|en]\n  mailsetup keychain rename <adresse> [--label ALT] --to NEU [--replace] [--json] [--lang de|en]\n\nDas Passwort kommt über die Standardeingabe, nie über die Befehlszeile. Ohne --label lautet die Bezeichnung „{label}“. rename behält das Passwort und gibt ihm die neue Bezeichnung; mit --replace darf es die Bezeichnung eines anderen gespeicherten Passworts übernehmen, das dann gelöscht ist.\nExit-Codes: 0 erledigt (auch wenn nichts zu löschen war), 1 Passwortspeicher nicht verfügbar oder interner Fehler, 2 ungültige Eingabe (auch: nichts umzubenennen oder die neue Bezeichnung ist vergeben).',
    'secrets.cli.missing-subcommand':
      'Bitte sagen Sie, was zu tun ist: mailsetup keychain list, set, delete oder rename.',
    'secrets.cli.missing-to':
      'Bitte geben Sie die neue Bezeichnung an, z. B. mailsetup keychain rename sie@example.org --label "Alter Name" --to "Outlook auf dem Büro-PC"',
    'secrets.cli.unknown-subcommand':
      'Unbekannter Befehl „keychain {command}“: Verwenden Sie list, set, delete oder rename.',
    'secrets.cli.missing-address':
      'Bitte geben Sie die E-Mail-Adresse an, z. B. mailsetup keychain {command} sie@example.org',
    'secrets.cli.too-many-arguments':
      'Zu viele Angaben. Ein Passwort steht nie in der Befehlszeile: Leiten Sie es mit --password-stdin ein.',
    'secrets.cli.password-argument':
      'Ein Passwort steht nie in der Befehlszeile, wo andere Programme es lesen können. Leiten Sie es ein und geben Sie --password-stdin an.',
    'secrets.cli.missing-password-stdin':
      'Bitte leiten Sie das Passwort ein und geben Sie --password-stdin an, z. B. ... | mailsetup keychain set sie@example.org --password-stdin',
    'secrets.cli.password.empty': 'Über die Standardeingabe kam kein Passwort an.',
    'secrets.cli.password.not-text': 'Das Passwort auf der Standardeingabe ist kein gültiger UTF-8-Text.',
    'secrets.cli.saved':
      'Das Passwort für {address} (Bezeichnung „{label}“) ist im Passwortspeicher des Systems gespeichert.',
    'secrets.cli.replaced': 'Das gespeicherte Passwort für {address} (Bezeichnung „{label}“) wurde ersetzt.',
    'secrets.cli.deleted': 'Das gespeicherte Passwort für {address} (Bezeichnung „{label}“) wurde gelöscht.',
    'secrets.cli.renamed':
      'Das gespeicherte Passwort für {address} wurde umbenannt: „{from}“ heißt jetzt „{label}“.',
    'secrets.cli.renamed-replacing':
      'Das gespeicherte Passwort für {address} wurde umbenannt: „{from}“ heißt jetzt „{label}“; das bisher als „{label}“ gespeicherte Passwort ist gelöscht.',
    'secrets.cli.not-found':
      'Für {address} (Bezeichnung „{label}“) ist kein Passwort gespeichert; es gab nichts zu löschen.',
    'secrets.cli.list-title': 'Von MailSetup Assistant gespeicherte Passwörter ({count}):',
    'secrets.cli.list-empty':
      'MailSetup Assistant hat auf diesem Computer keine Passwörter für Sie gespeichert.',
    'secrets.cli.list-saved': 'gespeichert {date}',
    'secrets.cli.list-servers': 'Server: {hosts}',
  },
};
