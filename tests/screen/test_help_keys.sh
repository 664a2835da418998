# SPDX-License-Identifier: GPL-3.0-or-later
# The help screen (? and F1) lists every action of both contexts with its
# keys; [keys] in the configuration changes a key on the screen, in the help
# and in "carnet keys"; an unknown action there is a warning.
. "$TESTS_DIR/screen/lib.sh"

# Each action's help sentence, as "carnet keys" prints it (name, keys in
# a 22-column cell, sentence); one file per context.
run keys
check "carnet keys runs" rc_is 0
sed -n '/^Liste du jour$/,/^$/p' "$T/out" | grep '^  ' | sed 's/^.\{38\}//' >"$T/help_list"
sed -n '/^Formulaire$/,$p' "$T/out" | grep '^  ' | sed 's/^.\{38\}//' >"$T/help_form"
check "the list context has its actions" [ "$(wc -l <"$T/help_list")" -ge 15 ]
check "the form context has its actions" [ "$(wc -l <"$T/help_form")" -ge 12 ]

# missing FILE: the sentences of FILE that are not in the screen capture.
missing() {
	while IFS= read -r line; do
		grep -qF -- "$line" "$T/screen" || printf '«%s» ' "$line"
	done <"$1"
}

# A tall, wide terminal shows the whole help at once.
W=200 H=50 start
on_screen "the list opens" "mercredi 18 novembre 2026"
keys '?'
on_screen "? opens the help" "Aide : les touches"
on_screen "the list context title" "Liste du jour"
on_screen "the form context title" "Formulaire"
screen >"$T/screen"
is "every list action is in the help" "$(missing "$T/help_list")" ""
is "every form action is in the help" "$(missing "$T/help_form")" ""
# A few lines with their keys.
for line in "? / F1               Afficher l'aide : toutes les touches" \
	"q / F10              Quitter carnet" \
	"n                    Saisir un nouveau passage" \
	"a                    Saisir un atelier collectif" \
	"t                    Saisir un temps hors accompagnement" \
	"Entrée / e           Modifier la ligne sélectionnée (passage, atelier ou temps)" \
	"d / Suppr            Supprimer la ligne sélectionnée (après confirmation)" \
	"u                    Rétablir la dernière ligne supprimée" \
	".                    Revenir à aujourd'hui" \
	"c                    Démarrer ou arrêter le chronomètre" \
	"F5 / C-t             Démarrer ou arrêter le chronomètre" \
	"Entrée / C-s         Enregistrer la saisie, de n'importe quel champ" \
	"Échap                Abandonner la saisie (confirmation si des champs sont remplis)" \
	"Maj-Tab              Champ précédent" \
	"Espace               Cocher ou décocher la valeur en surbrillance" \
	"F6                   Compléter ou modifier le profil de l'usager rattaché"; do
	on_screen "help line: $line" "$line"
done
on_screen "the help says where keys are changed" "Les touches se changent dans [keys] de carnet.ini"
keys Escape
on_screen "Esc closes the help" "Aucun passage enregistré ce jour"
not_on_screen "the help is gone" "Aide : les touches"
keys F1
on_screen "F1 opens the help" "Aide : les touches"
keys F1
on_screen "F1 closes it again" "Aucun passage enregistré ce jour"

# From the form: F1 and ? (in a choice field) open the same help; Esc goes
# back to the form, not out of it.
keys n
on_screen "the form opens" "Nouveau passage"
keys F1
on_screen "F1 in the form opens the help" "Aide : les touches"
on_screen "with the form's keys" "Champ suivant"
keys Escape
on_screen "Esc goes back to the form" "Nouveau passage"
on_screen "the form's focus is kept" ">Demandes"
keys '?'
on_screen "? in a choice field opens the help" "Aide : les touches"
keys Escape
on_screen "back to the form again" "Nouveau passage"
keys Escape
on_screen "the untouched form closes" "Saisie abandonnée"
keys q
check "q quits" wait_exit

# At 80x24 the help scrolls.
start
on_screen "80x24: the list opens" "mercredi 18 novembre 2026"
keys '?'
on_screen "80x24: the help opens" "Liste du jour"
not_on_screen "80x24: the last action is below the screen" "Compléter ou modifier le profil"
on_screen "80x24: the help says how much is below" "de plus"
keys Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down \
	Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down \
	Down Down Down Down
on_screen "80x24: Down scrolls to the last action" "Compléter ou modifier le profil"
on_screen "80x24: and says how much is above" "↑"
keys q
on_screen "80x24: q closes the help" "Aucun passage enregistré ce jour"
keys q
check "80x24: q quits" wait_exit

# [keys]: new = F2.
mkdir -p "$XDG_CONFIG_HOME/carnet"
printf '[keys]\nnew = F2\n' >"$XDG_CONFIG_HOME/carnet/carnet.ini"
run keys
check "carnet keys with [keys]: no warning" err_empty
check "carnet keys shows the new key" sh -c "grep -Eq '^  new +F2 +Saisir un nouveau passage' '$T/out'"
check "carnet keys no longer shows n for new" sh -c "! grep -Eq '^  new +n' '$T/out'"
start
on_screen "[keys]: the list opens" "mercredi 18 novembre 2026"
on_screen "[keys]: the footer shows F2" "F2 nouveau"
# n, then c (the timer): once the timer shows, n has been handled.
keys n c
on_screen "[keys]: the key after n is handled" "chrono 1 min"
not_on_screen "[keys]: n no longer opens the form" "Nouveau passage"
keys c
on_screen "[keys]: the timer is stopped" "Chronomètre arrêté"
# a is the workshop's key (it was new's second key before workshops).
keys a
on_screen "[keys]: a opens the workshop form" "Nouvel atelier"
not_on_screen "[keys]: a does not open the visit form" "Nouveau passage"
keys Escape
on_screen "[keys]: the untouched workshop form closes" "Saisie abandonnée"
keys F2
on_screen "[keys]: F2 opens the form" "Nouveau passage"
keys Escape
on_screen "[keys]: the form closes" "Saisie abandonnée"
keys '?'
on_screen "[keys]: the help shows F2 for a new visit" "F2                   Saisir un nouveau passage"
keys Escape
keys q
check "[keys]: q quits" wait_exit

# An unknown action, and an unknown key name.
printf '[keys]\nfrobnicate = x\nundo = F13\n' >"$XDG_CONFIG_HOME/carnet/carnet.ini"
run keys
check "unknown action: carnet keys still succeeds" rc_is 0
check "unknown action: a warning on stderr" err_has "clé inconnue « keys:frobnicate » ignorée"
check "unknown key name: a warning on stderr" err_has "touche inconnue « F13 »"
check "the warnings are in French and name the file" err_has "$XDG_CONFIG_HOME/carnet/carnet.ini"
check "unknown action: stdout still lists the keys" out_has "Saisir un nouveau passage"
check "a bad key leaves the default key" sh -c "grep -Eq '^  undo +u +R' '$T/out'"
check "new is back to n" sh -c "grep -Eq '^  new +n +Saisir' '$T/out'"
