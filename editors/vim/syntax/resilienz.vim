" Vim syntax file for the rule language of resilienz (Rules/*.rules).
" SPDX-License-Identifier: GPL-3.0-or-later
if exists("b:current_syntax")
  finish
endif

" Ids contain "." and "-": "lage.in" is one word, not the keyword "in".
syntax iskeyword @,48-57,_,192-255,.,-
syntax keyword resilienzDeclaration rule fact
syntax keyword resilienzClause source when then
syntax keyword resilienzOperator and or not in includes any all is known unknown
syntax keyword resilienzTest pattern factor suspected established
syntax keyword resilienzConclusion derive evidence assess recommend weight because
syntax match resilienzNumber "\v[+-]?<\d+([.,]\d+)?>"
syntax match resilienzComparison "\v(!\=|\<\=|\>\=|\=|\<|\>)"
syntax region resilienzString start=+"+ skip=+\\"+ end=+"+ contains=resilienzPlaceholder
syntax match resilienzPlaceholder "\v\{[[:alnum:]_.-]+\}" contained
syntax match resilienzComment "#.*$"

highlight default link resilienzDeclaration Statement
highlight default link resilienzClause Keyword
highlight default link resilienzOperator Operator
highlight default link resilienzTest Type
highlight default link resilienzConclusion Function
highlight default link resilienzNumber Number
highlight default link resilienzComparison Operator
highlight default link resilienzString String
highlight default link resilienzPlaceholder Special
highlight default link resilienzComment Comment

let b:current_syntax = "resilienz"
