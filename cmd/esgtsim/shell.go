package main

import "strings"

// shellCommand joins words into a command line that a POSIX shell splits
// back into the same words: each word that holds anything but letters,
// digits and -_./:=,+@% (a space, a quote, <, $, *, ~...) is quoted.
func shellCommand(words ...string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = shellQuote(w)
	}
	return strings.Join(quoted, " ")
}

// shellQuote returns w as is when a POSIX shell reads it as one literal
// word, else in single quotes, with each single quote in it closing the
// quotes, escaped with a backslash, and opening them again.
func shellQuote(w string) string {
	if w != "" && strings.Trim(w, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=,+@%") == "" {
		return w
	}
	return "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
}
