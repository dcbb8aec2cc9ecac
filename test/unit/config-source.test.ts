import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Ajv} from 'ajv'
import {DEFAULT_SETTINGS, readSettings} from '../../server/src/config/settings.js'
import {DEFAULT_CONFIG, NUMERIC_SETTINGS, SEVERITY_SETTINGS, numericProblem, type NumericSetting} from '../../server/src/engine/config.js'
import {ROOT} from '../helpers.js'

// What a lint can be configured with is defined once, in server/src/engine/config.ts. The
// .oncolintrc schema and the editor settings in package.json repeat some of it (JSON cannot
// import TypeScript): these tests hold them to the engine's definitions.

interface NumberSchema {
  type: string
  minimum?: number
  maximum?: number
  default?: number
  description?: string
}

const readJson = (...path: string[]) => JSON.parse(readFileSync(join(ROOT, ...path), 'utf8'))
const schema = readJson('server', 'oncolintrc.schema.json')
const settings = readJson('package.json').contributes.configuration.properties
const NUMERIC = Object.keys(NUMERIC_SETTINGS) as NumericSetting[]

/** Values at and around a setting's bounds, and some that are no number at all. */
function probes(key: NumericSetting): unknown[] {
  const {minimum, maximum} = NUMERIC_SETTINGS[key]
  const around = (n: number) => [n - 1, n - 0.5, n, n + 0.5, n + 1]
  return [...around(minimum), ...(maximum === undefined ? [1e6] : around(maximum)), DEFAULT_CONFIG[key], 0, -1, '8', null, true, []]
}

describe('config definitions have one source (engine/config.ts)', () => {
  describe('server/oncolintrc.schema.json', () => {
    for (const key of NUMERIC) {
      it(`${key}: type, range and default are the engine's`, () => {
        const {minimum, maximum, integer} = NUMERIC_SETTINGS[key]
        const property = schema.properties[key] as NumberSchema
        assert.equal(property.type, integer ? 'integer' : 'number')
        assert.equal(property.minimum, minimum)
        assert.equal(property.maximum, maximum)
        assert.equal(property.default, DEFAULT_CONFIG[key])
        assert.match(property.description ?? '', new RegExp(`\\(default ${DEFAULT_CONFIG[key]}\\)\\.$`))
      })

      it(`${key}: accepts exactly the values numericProblem accepts`, () => {
        const validate = new Ajv({strict: false}).compile(schema)
        for (const value of probes(key)) {
          assert.equal(validate({[key]: value}), numericProblem(key, value) === undefined, `${key}: ${JSON.stringify(value)}`)
        }
      })
    }

    it("rules: the severities are the engine's", () => {
      assert.deepEqual(schema.properties.rules.additionalProperties.enum, [...SEVERITY_SETTINGS])
    })

    it("has a property for every key of the engine's config", () => {
      for (const key of Object.keys(DEFAULT_CONFIG)) assert.ok(schema.properties[key], key)
    })
  })

  describe('package.json contributes.configuration', () => {
    it("oncolint.targetGrade: type, range and default are the engine's", () => {
      const {minimum, maximum, integer} = NUMERIC_SETTINGS.targetGrade
      const property = settings['oncolint.targetGrade'] as NumberSchema
      assert.deepEqual(
        [property.type, property.minimum, property.maximum, property.default],
        [integer ? 'integer' : 'number', minimum, maximum, DEFAULT_CONFIG.targetGrade],
      )
    })

    it("oncolint.targetGrade: the server takes exactly the values the engine's range allows", () => {
      // null is a setting left unset (the default applies), not a wrong one.
      for (const value of probes('targetGrade').filter((v) => v !== null)) {
        const {settings: read, problems} = readSettings({targetGrade: value})
        const ok = numericProblem('targetGrade', value) === undefined
        assert.equal(problems.length === 0, ok, JSON.stringify(value))
        assert.equal(read.targetGrade, ok ? value : DEFAULT_SETTINGS.targetGrade)
      }
    })

    it("oncolint.rules: the severities are the engine's", () => {
      assert.deepEqual(settings['oncolint.rules'].additionalProperties.enum, [...SEVERITY_SETTINGS])
    })

    it("the server's default settings are the engine's defaults", () => {
      assert.equal(DEFAULT_SETTINGS.targetGrade, DEFAULT_CONFIG.targetGrade)
    })
  })
})
