/// Sources of the library modules written in the language itself. Each is compiled
/// by Coro's own compiler the first time a script imports it.
enum ModuleSources {}
