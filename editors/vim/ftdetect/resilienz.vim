" Rule files and test scripts of resilienz. `set filetype` rather than `setfiletype`: Vim's own
" detection already calls *.rules files "hog" (Snort rules).
autocmd BufRead,BufNewFile *.rules set filetype=resilienz
autocmd BufRead,BufNewFile */Rules/tests/*.test,*/Rules/cases/*.case set filetype=resilienztest
