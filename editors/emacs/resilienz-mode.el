;;; resilienz-mode.el --- Rule files of resilienz, with eglot -*- lexical-binding: t -*-
;; SPDX-License-Identifier: GPL-3.0-or-later

;;; Commentary:
;; Highlighting for Rules/*.rules and the test scripts, and `resilienz lsp' for eglot.

;;; Code:

(require 'eglot)

(defconst resilienz-font-lock-keywords
  `((,(regexp-opt '("rule" "fact") 'words) . font-lock-keyword-face)
    (,(regexp-opt '("source" "when" "then") 'words) . font-lock-keyword-face)
    (,(regexp-opt '("and" "or" "not" "in" "includes" "any" "all" "is" "known" "unknown") 'words)
     . font-lock-builtin-face)
    (,(regexp-opt '("pattern" "factor" "suspected" "established") 'words) . font-lock-type-face)
    (,(regexp-opt '("derive" "evidence" "assess" "recommend" "weight" "because") 'words)
     . font-lock-function-name-face)
    ("\\_<[+-]?[0-9]+\\([.,][0-9]+\\)?\\_>" . font-lock-constant-face)))

(define-derived-mode resilienz-mode prog-mode "resilienz"
  "Major mode for the rule files of resilienz."
  (setq-local comment-start "# ")
  (modify-syntax-entry ?# "<" resilienz-mode-syntax-table)
  (modify-syntax-entry ?\n ">" resilienz-mode-syntax-table)
  (dolist (char '(?. ?- ?_))
    (modify-syntax-entry char "_" resilienz-mode-syntax-table))
  (setq-local font-lock-defaults '(resilienz-font-lock-keywords)))

(define-derived-mode resilienz-test-mode resilienz-mode "resilienz-test"
  "Major mode for the test scripts and development cases of resilienz.")

(add-to-list 'auto-mode-alist '("\\.rules\\'" . resilienz-mode))
(add-to-list 'auto-mode-alist '("/Rules/\\(tests\\|cases\\)/[^/]+\\.\\(test\\|case\\)\\'" . resilienz-test-mode))
(add-to-list 'eglot-server-programs
             '((resilienz-mode resilienz-test-mode yaml-mode yaml-ts-mode) . ("resilienz" "lsp")))

(provide 'resilienz-mode)
;;; resilienz-mode.el ends here
