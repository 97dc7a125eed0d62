import { rewriteDerivedKeys, rewriteDerivedKeysDeep } from './derived-key-rewriter';

const ids = new Map([
  ['eabc', 'enew'],
  ['act_1', 'e9'],
]);

describe('rewriteDerivedKeys', () => {
  it('renames the node id suffix of a context key', () => {
    expect(rewriteDerivedKeys('${ip_list_eabc}', ids)).toBe('${ip_list_enew}');
    expect(rewriteDerivedKeys('${a_eabc} + ${b_act_1}', ids)).toBe('${a_enew} + ${b_e9}');
  });

  it('takes the longest suffix that is a node id', () => {
    expect(rewriteDerivedKeys('${x_act_1}', ids)).toBe('${x_e9}');
  });

  it('leaves bare ids, partial matches and other text alone', () => {
    expect(rewriteDerivedKeys('eabc', ids)).toBe('eabc');
    expect(rewriteDerivedKeys('${x_eabcd}', ids)).toBe('${x_eabcd}');
    expect(rewriteDerivedKeys('${x}', ids)).toBe('${x}');
  });

  it('walks keys and values of nested JSON', () => {
    expect(rewriteDerivedKeysDeep({ '${k_eabc}': ['${k_eabc}', 1, null] }, ids)).toEqual({
      '${k_enew}': ['${k_enew}', 1, null],
    });
  });
});
