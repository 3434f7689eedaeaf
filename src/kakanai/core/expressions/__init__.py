"""The condition language of question trees and form bindings: syntax, types, evaluation."""
