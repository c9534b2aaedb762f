import CoroSyntax

/// Assignment and deletion targets, with unpacking.
extension Compiler {
    /// Stores the value on top of the stack into `target`.
    func store(_ target: Expr) {
        at(target.range) {
            switch target.kind {
            case .name(let name, _):
                storeName(name)
            case .attribute(let object, let name, _):
                expression(object)
                emit(.storeAttr, nameIndex(name))
            case .subscript(let object, let index, _):
                expression(object)
                expression(index)
                emit(.storeSubscr)
            case .tuple(let elements, _), .list(let elements, _):
                if let star = elements.firstIndex(where: isStarred) {
                    emit(.unpackEx, star | (elements.count - star - 1) << 8)
                } else {
                    emit(.unpackSequence, elements.count)
                }
                for element in elements {
                    if case .starred(let inner, _) = element.kind { store(inner) } else { store(element) }
                }
            case .starred(let inner, _):
                store(inner)
            default:
                break
            }
        }
    }

    func delete(_ target: Expr) {
        at(target.range) {
            switch target.kind {
            case .name(let name, _):
                deleteName(name)
            case .attribute(let object, let name, _):
                expression(object)
                emit(.deleteAttr, nameIndex(name))
            case .subscript(let object, let index, _):
                expression(object)
                expression(index)
                emit(.deleteSubscr)
            case .tuple(let elements, _), .list(let elements, _):
                for element in elements { delete(element) }
            default:
                break
            }
        }
    }
}
