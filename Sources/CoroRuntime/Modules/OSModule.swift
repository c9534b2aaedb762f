#if canImport(Glibc)
import Glibc
#endif

/// `os` and `os.path`: the process, its environment and the file system, as far as
/// scripts commonly use them. `os.path` is made with `os` (its functions reach the file
/// tests through `os`).
extension VM {
    func makeOSPathModule() -> PyModule {
        let os = (try? importModule("os")) ?? newModule("os")
        return os.dict.lookupString(intern("path"))?.as(PyModule.self) ?? newModule("os.path")
    }

    func makeOSModule() -> PyModule {
        nativeModule("os") { dict in
            dict.setString(intern("name"), str("posix"))
            dict.setString(intern("sep"), str("/"))
            dict.setString(intern("linesep"), str("\n"))
            let environment = newDict()
            var entry = environ
            while let pointer = entry.pointee {
                let pair = String(cString: pointer)
                if let equals = pair.firstIndex(of: "=") {
                    environment.setString(intern(String(pair[..<equals])), str(String(pair[pair.index(after: equals)...])))
                }
                entry += 1
            }
            dict.setString(intern("environ"), Value(environment))
            defineFunction(dict, "getpid") { _, _ throws(PyError) in .int(Int(getpid())) }
            defineFunction(dict, "getcwd") { vm, _ throws(PyError) in
                var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                guard getcwd(&buffer, buffer.count) != nil else { throw vm.systemError(errno, path: ".") }
                return vm.str(String(cString: buffer))
            }
            defineFunction(dict, "getenv") { vm, arguments throws(PyError) in
                try arguments.expect("getenv", vm, min: 1, max: 2)
                let found = environment.lookupString(vm.intern(try vm.strText(arguments[0])))
                return found ?? (arguments.positionalCount > 1 ? arguments[1] : .none)
            }
            defineFunction(dict, "listdir") { vm, arguments throws(PyError) in
                try arguments.expect("listdir", vm, min: 0, max: 1)
                let path = arguments.positionalCount > 0 ? try vm.strText(arguments[0]) : "."
                guard let directory = opendir(path) else { throw vm.systemError(errno, path: path) }
                defer { closedir(directory) }
                var names: [Value] = []
                while let entry = readdir(directory) {
                    let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                        String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                    }
                    if name != "." && name != ".." { names.append(vm.str(name)) }
                }
                return vm.list(names)
            }
            for (name, wanted) in [("_exists", mode_t(0)), ("_isfile", S_IFREG), ("_isdir", S_IFDIR)] {
                defineFunction(dict, name) { vm, arguments throws(PyError) in
                    var status = stat()
                    guard stat(try vm.strText(try arguments.exactlyOne(name, vm)), &status) == 0 else { return .bool(false) }
                    return .bool(wanted == 0 || status.st_mode & S_IFMT == wanted)
                }
            }
            dict.setString(intern("path"), Value(makeSourceModule("os.path", ModuleSources.osPath)))
        }
    }
}
