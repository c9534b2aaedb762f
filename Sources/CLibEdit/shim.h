// C shim over libedit's readline-compatible API for Coro's REPL.
// Swift 6 cannot call variadic C functions nor touch C globals such as stdin
// under strict concurrency, so the few entry points the REPL needs are wrapped
// here as static inline functions.
#ifndef CORO_CLIBEDIT_SHIM_H
#define CORO_CLIBEDIT_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <editline/readline.h>

/// Reads one line with editing and history; returns a malloc'ed string or NULL on EOF/interrupt.
static inline char *coro_readline(const char *prompt) { return readline(prompt); }

/// Adds a line to the in-memory history.
static inline void coro_add_history(const char *line) { add_history(line); }

/// Loads and saves the history file; both return 0 on success.
static inline int coro_read_history(const char *path) { return read_history(path); }
static inline int coro_write_history(const char *path) { return write_history(path); }

#endif
