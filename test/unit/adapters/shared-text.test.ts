/** The adapters' shared text reading, on linkedom's DOM: names as a user reads them. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { visibleText } from '../../../utils/adapters/shared/text';

const SKIP = '.material-icons, [aria-hidden="true"]';

function element(html: string): Element {
  const { document } = parseHTML(`<!doctype html><html><body><div id="wrap">${html}</div></body></html>`);
  return document.querySelector('#el') as Element;
}

describe('visibleText', () => {
  it('reads a link that holds one text node, trimmed', () => {
    expect(visibleText(element('<a id="el" href="#">  Spring Sale – FI \n</a>'), SKIP)).toBe('Spring Sale – FI');
  });

  it('reads nothing from one text node inside a left-out element, or inside an element that is one', () => {
    expect(visibleText(element('<span aria-hidden="true"><a id="el">arrow_drop_down</a></span>'), SKIP)).toBe('');
    expect(visibleText(element('<i id="el" class="material-icons">edit</i>'), SKIP)).toBe('');
  });

  it('joins several text pieces with spaces and leaves out icon ligatures', () => {
    expect(visibleText(element('<a id="el">Brand <b>Search</b><i class="material-icons">open_in_new</i> FI</a>'), SKIP)).toBe('Brand Search FI');
  });

  it('looks for left-out elements only up to `within` when given (a row), else up to the root', () => {
    const link = element('<div aria-hidden="true"><div class="row"><a id="el">Spring Sale</a></div></div>');
    expect(visibleText(link, SKIP)).toBe('');
    expect(visibleText(link, SKIP, link.closest('.row'))).toBe('Spring Sale');
    const icon = element('<div class="row"><span aria-hidden="true"><a id="el">edit</a></span></div>');
    expect(visibleText(icon, SKIP, icon.closest('.row'))).toBe('');
  });

  it('reads an empty element as empty', () => {
    expect(visibleText(element('<a id="el"></a>'), SKIP)).toBe('');
    expect(visibleText(element('<a id="el">   </a>'), SKIP)).toBe('');
  });
});
