/// Renders an AST exactly as CPython's `ast.dump(tree, indent=N)` does (without
/// positions), so that the parser can be checked against `python3` differentially.
public enum ASTDump {
    public static func dump(_ module: Module, indent: Int = 2) -> String {
        let tree = Node.node("Module", [("body", block(module.body)), ("type_ignores", .list([]))])
        return format(tree, level: 0, indent: String(repeating: " ", count: indent)).text
    }

    /// A dumpable value: a node with named fields, a list, or a literal already in repr form.
    /// A field whose value is `nil` is left out, as `ast.dump` leaves out absent optionals.
    indirect enum Node {
        case node(String, [(String, Node?)])
        case list([Node])
        case atom(String)
    }

    /// `ast.dump`'s `_format`: returns the text and whether it is "simple" (fits inline).
    static func format(_ node: Node, level: Int, indent: String) -> (text: String, isSimple: Bool) {
        let inner = level + 1
        let prefix = "\n" + String(repeating: indent, count: inner)
        let separator = ",\n" + String(repeating: indent, count: inner)
        switch node {
        case .atom(let text):
            return (text, true)
        case .list(let items):
            if items.isEmpty { return ("[]", true) }
            return ("[" + prefix + items.map { format($0, level: inner, indent: indent).text }.joined(separator: separator) + "]", false)
        case .node(let name, let fields):
            var arguments: [String] = []
            var allSimple = true
            for (field, value) in fields {
                guard let value else { continue }
                let (text, isSimple) = format(value, level: inner, indent: indent)
                allSimple = allSimple && isSimple
                arguments.append(field + "=" + text)
            }
            if allSimple && arguments.count <= 3 {
                return (name + "(" + arguments.joined(separator: ", ") + ")", arguments.isEmpty)
            }
            return (name + "(" + prefix + arguments.joined(separator: separator) + ")", false)
        }
    }

    static func list(_ items: [Expr]) -> Node { .list(items.map(expression)) }
    static func block(_ body: [Stmt]) -> Node { .list(body.map(statement)) }
    static func optional(_ item: Expr?) -> Node? { item.map(expression) }
    static func name(_ text: String) -> Node { .atom(PythonRepr.string(text)) }
    static func context(_ context: ExprContext) -> Node { .node(context.rawValue, []) }
    static func op(_ name: String) -> Node { .node(name, []) }

    static func statement(_ statement: Stmt) -> Node {
        switch statement.kind {
        case .functionDef(let function):
            return .node(function.isAsync ? "AsyncFunctionDef" : "FunctionDef", [
                ("name", name(function.name)), ("args", arguments(function.arguments)),
                ("body", block(function.body)), ("decorator_list", list(function.decorators)),
                ("returns", optional(function.returns)),
            ])
        case .classDef(let definition):
            return .node("ClassDef", [
                ("name", name(definition.name)), ("bases", list(definition.bases)),
                ("keywords", .list(definition.keywords.map(keyword))),
                ("body", block(definition.body)), ("decorator_list", list(definition.decorators)),
            ])
        case .return(let value):
            return .node("Return", [("value", optional(value))])
        case .delete(let targets):
            return .node("Delete", [("targets", list(targets))])
        case .assign(let targets, let value):
            return .node("Assign", [("targets", list(targets)), ("value", expression(value))])
        case .augAssign(let target, let op, let value):
            return .node("AugAssign", [("target", expression(target)), ("op", self.op(op.rawValue)), ("value", expression(value))])
        case .annAssign(let target, let annotation, let value, let isSimple):
            return .node("AnnAssign", [
                ("target", expression(target)), ("annotation", expression(annotation)), ("value", optional(value)),
                ("simple", .atom(isSimple ? "1" : "0")),
            ])
        case .for(let target, let iter, let body, let orelse, let isAsync):
            return .node(isAsync ? "AsyncFor" : "For", [
                ("target", expression(target)), ("iter", expression(iter)),
                ("body", block(body)), ("orelse", block(orelse)),
            ])
        case .while(let test, let body, let orelse):
            return .node("While", [
                ("test", expression(test)), ("body", block(body)),
                ("orelse", block(orelse)),
            ])
        case .if(let test, let body, let orelse):
            return .node("If", [
                ("test", expression(test)), ("body", block(body)),
                ("orelse", block(orelse)),
            ])
        case .with(let items, let body, let isAsync):
            let itemNodes: [Node] = items.map {
                .node("withitem", [("context_expr", expression($0.contextExpr)), ("optional_vars", optional($0.optionalVars))])
            }
            return .node(isAsync ? "AsyncWith" : "With", [("items", .list(itemNodes)), ("body", block(body))])
        case .raise(let exception, let cause):
            return .node("Raise", [("exc", optional(exception)), ("cause", optional(cause))])
        case .try(let body, let handlers, let orelse, let finalbody):
            let handlerNodes: [Node] = handlers.map {
                .node("ExceptHandler", [
                    ("type", optional($0.type)), ("name", $0.name.map(name)), ("body", block($0.body)),
                ])
            }
            return .node("Try", [
                ("body", block(body)), ("handlers", .list(handlerNodes)),
                ("orelse", block(orelse)), ("finalbody", block(finalbody)),
            ])
        case .assert(let test, let message):
            return .node("Assert", [("test", expression(test)), ("msg", optional(message))])
        case .import(let names):
            return .node("Import", [("names", .list(names.map(alias)))])
        case .importFrom(let module, let names, let level):
            return .node("ImportFrom", [
                ("module", module.map(name)), ("names", .list(names.map(alias))), ("level", .atom(String(level))),
            ])
        case .global(let names):
            return .node("Global", [("names", .list(names.map(name)))])
        case .nonlocal(let names):
            return .node("Nonlocal", [("names", .list(names.map(name)))])
        case .expr(let value):
            return .node("Expr", [("value", expression(value))])
        case .pass:
            return .node("Pass", [])
        case .break:
            return .node("Break", [])
        case .continue:
            return .node("Continue", [])
        }
    }

    static func alias(_ alias: Alias) -> Node {
        .node("alias", [("name", name(alias.name)), ("asname", alias.asName.map(name))])
    }

    static func keyword(_ keyword: Keyword) -> Node {
        .node("keyword", [("arg", keyword.name.map(name)), ("value", expression(keyword.value))])
    }

    static func parameter(_ parameter: Parameter) -> Node {
        .node("arg", [("arg", name(parameter.name)), ("annotation", optional(parameter.annotation))])
    }

    static func arguments(_ arguments: Arguments) -> Node {
        .node("arguments", [
            ("posonlyargs", .list(arguments.positionalOnly.map(parameter))),
            ("args", .list(arguments.positional.map(parameter))),
            ("vararg", arguments.varArgs.map(parameter)),
            ("kwonlyargs", .list(arguments.keywordOnly.map(parameter))),
            ("kw_defaults", .list(arguments.keywordDefaults.map { $0.map(expression) ?? .atom("None") })),
            ("kwarg", arguments.varKeywords.map(parameter)),
            ("defaults", list(arguments.defaults)),
        ])
    }

    static func comprehensions(_ generators: [Comprehension]) -> Node {
        .list(generators.map {
            .node("comprehension", [
                ("target", expression($0.target)), ("iter", expression($0.iter)), ("ifs", list($0.ifs)),
                ("is_async", .atom($0.isAsync ? "1" : "0")),
            ])
        })
    }

    static func constant(_ value: Constant) -> String {
        switch value {
        case .none: "None"
        case .ellipsis: "Ellipsis"
        case .bool(let flag): flag ? "True" : "False"
        case .int(let number): String(number)
        case .bigInt(let digits, let radix): PythonRepr.decimalDigits(digits, radix: radix)
        case .float(let number): PythonRepr.float(number)
        case .imaginary(let number): PythonRepr.float(number, addsPointZero: false) + "j"
        case .string(let text, _): PythonRepr.string(text)
        case .bytes(let bytes): PythonRepr.bytes(bytes)
        }
    }

    static func expression(_ expression: Expr) -> Node {
        switch expression.kind {
        case .boolOp(let op, let values):
            return .node("BoolOp", [("op", self.op(op.rawValue)), ("values", list(values))])
        case .namedExpr(let target, let value):
            return .node("NamedExpr", [("target", self.expression(target)), ("value", self.expression(value))])
        case .binOp(let left, let op, let right):
            return .node("BinOp", [("left", self.expression(left)), ("op", self.op(op.rawValue)), ("right", self.expression(right))])
        case .unaryOp(let op, let operand):
            return .node("UnaryOp", [("op", self.op(op.rawValue)), ("operand", self.expression(operand))])
        case .lambda(let args, let body):
            return .node("Lambda", [("args", arguments(args)), ("body", self.expression(body))])
        case .ifExp(let test, let body, let orelse):
            return .node("IfExp", [("test", self.expression(test)), ("body", self.expression(body)), ("orelse", self.expression(orelse))])
        case .dict(let keys, let values):
            return .node("Dict", [("keys", .list(keys.map { $0.map(self.expression) ?? .atom("None") })), ("values", list(values))])
        case .set(let elements):
            return .node("Set", [("elts", list(elements))])
        case .listComp(let element, let generators):
            return .node("ListComp", [("elt", self.expression(element)), ("generators", comprehensions(generators))])
        case .setComp(let element, let generators):
            return .node("SetComp", [("elt", self.expression(element)), ("generators", comprehensions(generators))])
        case .dictComp(let key, let value, let generators):
            return .node("DictComp", [
                ("key", self.expression(key)), ("value", self.expression(value)), ("generators", comprehensions(generators)),
            ])
        case .generatorExp(let element, let generators):
            return .node("GeneratorExp", [("elt", self.expression(element)), ("generators", comprehensions(generators))])
        case .await(let value):
            return .node("Await", [("value", self.expression(value))])
        case .yield(let value):
            return .node("Yield", [("value", optional(value))])
        case .yieldFrom(let value):
            return .node("YieldFrom", [("value", self.expression(value))])
        case .compare(let left, let ops, let comparators):
            return .node("Compare", [
                ("left", self.expression(left)), ("ops", .list(ops.map { self.op($0.rawValue) })), ("comparators", list(comparators)),
            ])
        case .call(let function, let args, let keywords):
            return .node("Call", [("func", self.expression(function)), ("args", list(args)), ("keywords", .list(keywords.map(keyword)))])
        case .formattedValue(let value, let conversion, let formatSpec):
            let code = conversion.map { String($0.rawValue.asciiValue ?? 0) } ?? "-1"
            return .node("FormattedValue", [
                ("value", self.expression(value)), ("conversion", .atom(code)), ("format_spec", optional(formatSpec)),
            ])
        case .joinedStr(let values):
            return .node("JoinedStr", [("values", list(values))])
        case .constant(let value):
            var kind: Node?
            if case .string(_, true) = value { kind = .atom("'u'") }
            return .node("Constant", [("value", .atom(constant(value))), ("kind", kind)])
        case .attribute(let value, let attribute, let ctx):
            return .node("Attribute", [("value", self.expression(value)), ("attr", name(attribute)), ("ctx", context(ctx))])
        case .subscript(let value, let slice, let ctx):
            return .node("Subscript", [("value", self.expression(value)), ("slice", self.expression(slice)), ("ctx", context(ctx))])
        case .starred(let value, let ctx):
            return .node("Starred", [("value", self.expression(value)), ("ctx", context(ctx))])
        case .name(let identifier, let ctx):
            return .node("Name", [("id", name(identifier)), ("ctx", context(ctx))])
        case .list(let elements, let ctx):
            return .node("List", [("elts", list(elements)), ("ctx", context(ctx))])
        case .tuple(let elements, let ctx):
            return .node("Tuple", [("elts", list(elements)), ("ctx", context(ctx))])
        case .slice(let lower, let upper, let step):
            return .node("Slice", [("lower", optional(lower)), ("upper", optional(upper)), ("step", optional(step))])
        }
    }
}
